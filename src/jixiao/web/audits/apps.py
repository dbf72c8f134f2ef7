from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "jixiao.web.audits"
    label = "audits"
    verbose_name = "批量审核"
