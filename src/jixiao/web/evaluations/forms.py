"""Forms of the task pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from jixiao.profiles import available_profiles, load_profile
from jixiao.render.spec import available_templates, load_template
from jixiao.web.accounts.models import Organisation


class TaskForm(forms.Form):
    scope = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label="下达范围", help_text="该地区或主管部门下的所有单位"
    )
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="任务名称", max_length=200)
    template = forms.ChoiceField(label="报告模板")
    profile = forms.ChoiceField(label="评分规则")
    deadline = forms.DateField(label="截止日期", widget=forms.DateInput(attrs={"type": "date"}))
    template_file = forms.FileField(label="自备 Word 模板（可选）", required=False,
                                    help_text="财政局自己的报告样式（.docx）；上传时即在沙箱中检查其变量和标签")

    def __init__(self, *args: Any, scopes: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scope"].queryset = scopes  # type: ignore[attr-defined]
        self.fields["template"].choices = [  # type: ignore[attr-defined]
            (template_id, f"{load_template(template_id).name}（{template_id}）")
            for template_id in available_templates()
        ]
        self.fields["profile"].choices = [  # type: ignore[attr-defined]
            (profile_id, f"{load_profile(profile_id).name}（{profile_id}）")
            for profile_id in available_profiles()
        ]
