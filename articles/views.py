"""Article pages: the list, one article with its live extraction status, upload and import."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseStopPolling
from django_htmx.middleware import HtmxDetails

from articles import batches, selectors, services
from articles.documents import Document
from articles.forms import (
    ArticleFileForm,
    ArticleFilterForm,
    ArticleForm,
    ArticleImportForm,
)
from articles.models import Article, ImportBatch
from articles.permissions import role_required

ARTICLES_PER_PAGE = 50
ITEMS_PER_PAGE = 100


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


@require_GET
@role_required("articles.view_article")
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
@role_required("articles.view_article")
def article_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    article = _get_article(pk)
    return render(request, "articles/article_detail.html", _status_context(article))


@require_GET
@role_required("articles.view_article")
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
        target = "text" if field == "body" else field
        form.add_error(target if target in form.fields else None, field_messages)


def _form_read_from_file(post: QueryDict, document: Document, file_name: str) -> ArticleForm:
    """The article form filled in from a file: what the editor typed stays, what they left
    empty takes the file's metadata, and the text is the file's."""
    typed = {name: post.get(name, "").strip() for name in ArticleForm.base_fields}
    stated = {name: getattr(document, name) for name in document.stated()}
    initial = {**stated, **{name: value for name, value in typed.items() if value}}
    initial.update(text=document.text, file_name=file_name)
    return ArticleForm(initial=initial)


@require_http_methods(["GET", "POST"])
@role_required("articles.add_article")
def article_create(request: HtmxHttpRequest) -> HttpResponse:
    """One article. A chosen file is read into the form for the editor to check; saving the
    form stores the article."""
    duplicate, document = None, None
    posted = request.method == "POST"
    file_form = ArticleFileForm(request.POST, request.FILES) if posted else ArticleFileForm()
    if posted and file_form.chosen:
        if file_form.is_valid():
            document = file_form.cleaned_data["file"]
            form = _form_read_from_file(request.POST, document, request.FILES["file"].name)
            file_form = ArticleFileForm()
        else:
            form = ArticleForm(initial=request.POST.dict())
    elif posted:
        form = ArticleForm(request.POST)
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
    context = {
        "form": form,
        "file_form": file_form,
        "document": document,
        "duplicate": duplicate,
    }
    return render(request, "articles/article_form.html", context)


@require_http_methods(["GET", "POST"])
@role_required("articles.add_article")
def article_import(request: HtmxHttpRequest) -> HttpResponse:
    """Many articles at once: the upload stores them as a batch and leads to its progress."""
    posted = request.method == "POST"
    form = ArticleImportForm(request.POST, request.FILES) if posted else ArticleImportForm()
    if posted and form.is_valid():
        uploads = form.cleaned_data["files"]
        if form.is_jsonl:
            batch = batches.import_batch_create_jsonl(
                name=uploads[0].name, data=uploads[0].read(), created_by=request.user
            )
        else:
            batch = batches.import_batch_create_files(
                files=[(upload.name, upload.read()) for upload in uploads],
                created_by=request.user,
                default_published_on=form.cleaned_data["published_on"],
                default_language=form.cleaned_data["language"].strip().lower(),
                default_source=form.cleaned_data["source"].strip(),
            )
        return redirect("articles:import-detail", pk=batch.pk)
    context = {
        "form": form,
        "recent": selectors.import_batches_recent(),
    }
    return render(request, "articles/article_import.html", context)


def _get_batch(pk: int) -> ImportBatch:
    try:
        return selectors.import_batch_detail(batch_id=pk)
    except ImportBatch.DoesNotExist:
        raise Http404("No such import.") from None


def _progress_context(request: HttpRequest, batch: ImportBatch) -> dict:
    problems_only = request.GET.get("show") == "problems"
    items = selectors.import_batch_items(batch=batch, problems_only=problems_only)
    page = Paginator(items, ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    for item in page.object_list:
        item.state_label = selectors.ITEM_STATES[item.state]
    totals = selectors.import_batch_totals(batch=batch)
    query = QueryDict(mutable=True)
    if problems_only:
        query["show"] = "problems"
    return {
        "batch": batch,
        "page": page,
        "totals": totals,
        "problems_only": problems_only,
        "query": query,
        "live": not batch.is_finished or totals["pending"] > 0,
        "state_counts": [
            (state, label, totals[state]) for state, label in selectors.ITEM_STATES.items()
        ],
    }


@require_GET
@role_required("articles.add_article")
def import_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    batch = _get_batch(pk)
    return render(request, "articles/import_detail.html", _progress_context(request, batch))


@require_GET
@role_required("articles.add_article")
def import_progress(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The totals and the items' states, polled by the import page while anything is pending."""
    batch = _get_batch(pk)
    context = _progress_context(request, batch)
    response = render(request, "articles/import_detail.html#progress", context)
    if request.htmx and not context["live"]:
        return HttpResponseStopPolling(response.content)
    return response
