"""Article pages: the list, one article with its live extraction status, upload and import."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseStopPolling
from django_htmx.middleware import HtmxDetails

from articles import selectors, services
from articles.forms import ArticleFilterForm, ArticleForm, ArticleImportForm
from articles.models import Article

ARTICLES_PER_PAGE = 50


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_GET
@permission_required("articles.view_article", raise_exception=True)
def article_list(request: HtmxHttpRequest) -> HttpResponse:
    form = ArticleFilterForm(request.GET)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    query = QueryDict(mutable=True)
    if status:
        query["status"] = status
    page = Paginator(selectors.article_list(status=status), ARTICLES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"form": form, "page": page, "query": query}
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "articles/article_list.html#results", context)
    else:
        response = render(request, "articles/article_list.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _get_article(pk: int) -> Article:
    try:
        return selectors.article_detail(article_id=pk)
    except Article.DoesNotExist:
        raise Http404("No such article.") from None


def _status_context(article: Article) -> dict:
    # The meetings found are listed by the events app's `article_meetings` template tag.
    return {"article": article}


@require_GET
@permission_required("articles.view_article", raise_exception=True)
def article_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = _get_article(pk)
    return render(request, "articles/article_detail.html", _status_context(article))


@require_GET
@permission_required("articles.view_article", raise_exception=True)
def article_status(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The extraction status, polled by the article page until it is final."""
    article = _get_article(pk)
    response = render(request, "articles/article_detail.html#status", _status_context(article))
    if request.htmx and not article.is_pending:
        # The final partial carries no trigger, and 286 tells htmx to stop polling anyway.
        return HttpResponseStopPolling(response.content)
    return response


def _put_errors_on_form(form: ArticleForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, field_messages in error.message_dict.items():
        target = form.text_field if field == "body" else field
        form.add_error(target if target in form.fields else None, field_messages)


@require_http_methods(["GET", "POST"])
@permission_required("articles.add_article", raise_exception=True)
def article_create(request: HtmxHttpRequest) -> HttpResponse:
    duplicate = None
    if request.method == "POST":
        form = ArticleForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                article = services.article_create(**form.article_fields(), uploaded_by=request.user)
            except services.DuplicateArticle as error:
                duplicate = error.existing
            except ValidationError as error:
                _put_errors_on_form(form, error)
            else:
                messages.success(request, "The article is stored and queued for extraction.")
                return redirect("articles:article-detail", pk=article.pk)
    else:
        form = ArticleForm()
    context = {"form": form, "duplicate": duplicate}
    return render(request, "articles/article_form.html", context)


@require_http_methods(["GET", "POST"])
@permission_required("articles.add_article", raise_exception=True)
def article_import(request: HtmxHttpRequest) -> HttpResponse:
    outcomes, totals = None, None
    if request.method == "POST":
        form = ArticleImportForm(request.POST, request.FILES)
        if form.is_valid():
            outcomes = list(
                services.articles_import_jsonl(lines=form.lines(), uploaded_by=request.user)
            )
            totals = Counter(outcome.status for outcome in outcomes)
    else:
        form = ArticleImportForm()
    context = {"form": form, "outcomes": outcomes, "totals": totals}
    return render(request, "articles/article_import.html", context)
