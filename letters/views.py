"""Letters: the list, a letter's form, and the letter made from it. Thin: parse, fill, render.

Caching and privacy (README, "What is kept, and where"):
- The list is a content page, kept per content version like the routes.
- A letter's form page is private (never kept): a plan links to it with the family's dates in the
  query string, which no cache may hold.
- The letter is made from a POST, so names and other details travel only in the request body, never
  in an address or a log line. Its response is `no-store`, and nothing is saved or logged.

Language: the letter a family sends is always the English one (the council, schools and mediation
advisers read English), as is its Word document. On a page in another language, the letter made
also shows what it says in that language, filled with the same answers, so the family understands
what they send.

Forgery: the POST is exempt from Django's CSRF token and checked by its Origin instead. A token
would need a cookie, and the privacy page promises the public none; a token in a kept page would be
wrong anyway. Making a letter changes nothing on the server, so what a forged POST could do is show a
stranger's words under our name; a browser always says where a POST comes from (Sec-Fetch-Site,
Origin or Referer: ealing_send/origin.py), so one from another site, or from nowhere we can tell, is
refused.
"""

from datetime import date

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_info, gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname, get_language

from ealing_send.dates import day_words
from ealing_send.origin import posted_from_this_site
from ealing_send.pagecache import content_page, private_page
from routes.views import can_preview

from .forms import LetterForm
from .models import Letter
from .placeholders import CHOICE, DATE, PLACEHOLDERS, fill, words_for
from .word import WORD_TYPE, word_document


def _letters(request):
    return Letter.objects.visible(drafts=can_preview(request))


@content_page()
def letter_list(request):
    letters = _letters(request).only("title", "slug", "when_to_use")
    return render(request, "letters/letter_list.html", {"letters": letters, "nav_section": ""})


def _words(letter: Letter, name: str, language: str) -> str:
    """One of the letter's fields in one language, as staff wrote it ('' when not written)."""
    return getattr(letter, build_localized_fieldname(name, language)) or ""


def family_language(letter: Letter) -> str | None:
    """The page's language when it is not English and the letter has been translated into it:
    the family then reads the letter in that language too. None otherwise."""
    language = get_language()
    if language == DEFAULT_LANGUAGE or not _words(letter, "body", language).strip():
        return None
    return language


def _form_context(letter: Letter, form: LetterForm) -> dict:
    """What the form's page shows: on a page in another language, it says the letter is written
    in English, and whether the family will see it in their language too."""
    return {
        "letter": letter,
        "form": form,
        "english_page": get_language() == DEFAULT_LANGUAGE,
        "translated": family_language(letter) is not None,
    }


def _form(letter: Letter, *args) -> LetterForm:
    """The letter's form, asking for every placeholder the English letter or the family's
    translation uses."""
    bodies = [_words(letter, "body", DEFAULT_LANGUAGE)]
    language = family_language(letter)
    if language:
        bodies.append(_words(letter, "body", language))
    return LetterForm("\n\n".join(bodies), *args)


def _prefill(form: LetterForm, query) -> dict:
    """Start values from the address, for the placeholders that allow it (decision type, dates,
    regulation): never a name, which must not travel in a URL. Bad values are ignored."""
    initial = {}
    for name in form.asked:
        placeholder = PLACEHOLDERS[name]
        raw = query.get(placeholder.prefill_key, "") if placeholder.prefill_key else ""
        if not raw:
            continue
        if placeholder.kind == CHOICE and raw in {value for value, *_ in placeholder.choices}:
            initial[name] = raw
        elif placeholder.kind == DATE:
            try:
                day = date.fromisoformat(raw)
            except ValueError:
                continue
            initial[name] = [day.day, day.month, day.year]
    return initial


def _no_store(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


@private_page
def letter(request, slug):
    """The form for one letter, filled in from the plan's address where it can be."""
    found = get_object_or_404(_letters(request), slug=slug)
    form = _form(found)
    form.initial = _prefill(form, request.GET)
    return render(request, "letters/letter_form.html", _form_context(found, form))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def made(request, slug):
    """The letter, on screen or as a Word document, from the details posted; never kept."""
    found = get_object_or_404(_letters(request), slug=slug)
    if request.method != "POST":
        # Someone opened the letter's address directly: the details are not in it, by design.
        return redirect(found.get_absolute_url())
    if not posted_from_this_site(request):
        refused = render(request, "letters/not_sent_from_here.html", {"letter": found}, status=403)
        return _no_store(refused)
    form = _form(found, request.POST)
    language = family_language(found)
    form_context = _form_context(found, form)
    if not form.is_valid():
        context = {**form_context, "has_errors": True, "error_links": form.error_links()}
        return _no_store(render(request, "letters/letter_form.html", context))
    if request.POST.get("format") == "change":
        return _no_store(render(request, "letters/letter_form.html", form_context))
    today = timezone.localdate()
    # The letter to send: English words and English dates, whatever the page's language.
    paragraphs = fill(_words(found, "body", DEFAULT_LANGUAGE), words_for(form.cleaned_data, today))
    if request.POST.get("format") == "word":
        title = _words(found, "title", DEFAULT_LANGUAGE)
        response = HttpResponse(word_document(title, paragraphs), content_type=WORD_TYPE)
        # The file is named after the letter, never the family.
        response["Content-Disposition"] = f'attachment; filename="{found.slug}.docx"'
        return _no_store(response)
    # The details go back in the page (never in an address), for the Word button and "Change".
    resend = [
        (name, values)
        for name, values in request.POST.lists()
        if name.rsplit("_", 1)[0] in form.asked or name in form.asked
    ]
    context = {"letter": found, "paragraphs": paragraphs, "resend": resend}
    if language:
        # The family's copy: the same answers, with the site's words and dates in their language.
        context["translation"] = {
            "language": language,
            "direction": "rtl" if get_language_info(language)["bidi"] else "ltr",
            "paragraphs": fill(
                _words(found, "body", language),
                words_for(form.cleaned_data, today, gettext, day_words),
            ),
        }
    return _no_store(render(request, "letters/letter_made.html", context))
