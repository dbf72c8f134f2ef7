"""The site's URLs."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.views import LogoutView
from django.urls import path

from jixiao.web.accounts.views import SignIn
from jixiao.web.api import views as api_tokens
from jixiao.web.api.endpoints import api
from jixiao.web.audits import views as audits
from jixiao.web.dashboard import views as dashboard
from jixiao.web.evaluations import exports
from jixiao.web.evaluations import views as evaluations
from jixiao.web.health import health
from jixiao.web.publication import views as publication
from jixiao.web.rectification import views as rectification
from jixiao.web.review import views as review

admin.site.site_header = "jixiao 预算绩效自评 · 管理"
admin.site.site_title = "jixiao 管理"
admin.site.index_title = "基础数据"

urlpatterns = [
    path("", evaluations.home, name="home"),
    path("login/", SignIn.as_view(), name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("tasks/", evaluations.tasks, name="tasks"),
    path("tasks/<int:pk>/cancel/", evaluations.cancel_task, name="cancel_task"),
    path("tasks/<int:task_pk>/start/", evaluations.start, name="start"),
    path("evaluations/<int:pk>/", evaluations.editor_page, name="editor"),
    path("evaluations/<int:pk>/preview/", evaluations.preview, name="preview"),
    path("evaluations/<int:pk>/rows/", evaluations.rows, name="rows"),
    path("evaluations/<int:pk>/save/", evaluations.save, name="save"),
    path("evaluations/<int:pk>/upload/", evaluations.upload, name="upload"),
    path("evaluations/<int:pk>/render/", evaluations.render_request, name="render"),
    path("evaluations/<int:pk>/history/", evaluations.history, name="history"),
    path("evaluations/<int:pk>/export.yaml", exports.yaml_download, name="export_yaml"),
    path("evaluations/<int:pk>/export.xlsx", exports.workbook_download, name="export_workbook"),
    path("evaluations/<int:pk>/review/", review.review_page, name="review"),
    path("evaluations/<int:pk>/step/<str:name>/", review.step, name="step"),
    path("evaluations/<int:pk>/verdict/", review.verdict, name="verdict"),
    path("evaluations/<int:pk>/rescore/", review.rescore, name="rescore"),
    path("evaluations/<int:pk>/rectification/", rectification.rectification_page, name="rectification"),
    path("evaluations/<int:pk>/rectification/issue/", rectification.issue, name="rectification_issue"),
    path("rectifications/", rectification.rectification_list, name="rectifications"),
    path("rectifications/<int:record_pk>/respond/", rectification.respond, name="rectification_respond"),
    path("rectifications/<int:record_pk>/return/", rectification.send_back, name="rectification_return"),
    path("rectifications/<int:record_pk>/close/", rectification.close, name="rectification_close"),
    path("rectifications/attachments/<int:pk>/", rectification.attachment, name="rectification_attachment"),
    path("batch/", review.batch, name="batch"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/export.xlsx", dashboard.export_xlsx, name="dashboard_export"),
    path("dashboard/units/<int:pk>/", dashboard.unit_years, name="unit_years"),
    path("jobs/<int:pk>/", evaluations.job_page, name="job"),
    path("jobs/<int:pk>/download/", evaluations.download, name="download"),
    path("jobs/<int:pk>/apply/", evaluations.apply_import, name="apply_import"),
    path("public/", publication.public_list, name="public"),
    path("public/archive/", publication.public_archive, name="public_archive"),
    path("public/<str:token>/", publication.public_detail, name="public_detail"),
    path("public/<str:token>/report.pdf", publication.public_pdf, name="public_pdf"),
    path("tokens/", api_tokens.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", api_tokens.revoke, name="revoke_token"),
    path("api/", api.urls),
    path("health/", health, name="health"),
    path("audits/", audits.audit_list, name="audits"),
    path("audits/new/", audits.audit_new, name="audit_new"),
    path("audits/<int:pk>/", audits.audit_page, name="audit"),
    path("audits/<int:pk>/files/<int:number>/", audits.audit_file_page, name="audit_file"),
    path("audits/<int:pk>/export/<str:fmt>/", audits.audit_export, name="audit_export"),
    path("admin/", admin.site.urls),
]
