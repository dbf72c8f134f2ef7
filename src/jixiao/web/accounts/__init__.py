"""组织与账号: regions (财政局) → 主管部门 → units, users and their roles."""
