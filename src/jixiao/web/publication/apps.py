from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "jixiao.web.publication"
    verbose_name = "报告公开"
