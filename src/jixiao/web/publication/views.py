"""The public page: published reports by region, year and unit, their key figures and PDFs.

No login. Everything is reached through :meth:`PublicationQuerySet.public` and random tokens,
so a report that is not published now has no address here.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from jixiao.web.accounts.models import Organisation
from jixiao.web.evaluations.filenames import safe_name, unique_names
from jixiao.web.publication.archive import stream_zip
from jixiao.web.publication.models import Publication


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) < 10 else None


@require_GET
def public_list(request: HttpRequest) -> HttpResponse:
    published = Publication.objects.public().select_related("region", "render")
    region, year = _number(request.GET.get("region", "")), _number(request.GET.get("year", ""))
    unit = request.GET.get("unit", "").strip()[:100]
    shown = published
    if region is not None:
        shown = shown.filter(region_id=region)
    if year is not None:
        shown = shown.filter(year=year)
    if unit:
        shown = shown.filter(unit_name__icontains=unit)
    page = Paginator(shown.order_by("-year", "unit_name", "pk"), 50).get_page(request.GET.get("page"))
    regions = Organisation.objects.filter(pk__in=published.values("region_id")).order_by("name")
    return render(request, "publication/list.html", {
        "page": page,
        "regions": regions,
        "years": published.order_by("-year").values_list("year", flat=True).distinct(),
        "region": region,
        "year": year,
        "unit": unit,
        "archive": region is not None and year is not None and page.paginator.count > 0,
    })


def _published(token: str) -> Publication:
    return get_object_or_404(Publication.objects.public().select_related("region", "render"), token=token)


@require_GET
def public_detail(request: HttpRequest, token: str) -> HttpResponse:
    return render(request, "publication/detail.html", {"publication": _published(token)})


@require_GET
def public_pdf(request: HttpRequest, token: str) -> FileResponse:
    publication = _published(token)
    pdf = publication.pdf
    if pdf is None:
        raise Http404
    name = f"{safe_name(publication.unit_name)}{publication.year}年度自评报告.pdf"
    return FileResponse(pdf.open("rb"), as_attachment=True, filename=name, content_type="application/pdf")


@require_GET
def public_archive(request: HttpRequest) -> StreamingHttpResponse:
    """全部报告打包: every published PDF of one region and year, as one zip."""
    region, year = _number(request.GET.get("region", "")), _number(request.GET.get("year", ""))
    if region is None or year is None:
        raise Http404
    listed = [(p, p.pdf) for p in Publication.objects.public().filter(region_id=region, year=year)
              .select_related("region", "render").order_by("unit_name", "pk")]
    ready = [(publication, pdf) for publication, pdf in listed if pdf is not None]
    if not ready:
        raise Http404
    names = unique_names((f"{p.unit_name}{p.year}年度自评报告" for p, _ in ready), ".pdf")
    response = StreamingHttpResponse(
        stream_zip(zip(names, (pdf for _, pdf in ready), strict=True)), content_type="application/zip"
    )
    filename = f"{safe_name(ready[0][0].region.name)}{year}年度公开自评报告.zip"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
