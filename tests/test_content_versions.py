"""Every content app's items have the routes' whole-page versions (django-reversion): each save is a
version in History, and restoring an old version brings its words back. Letters and glossary terms,
which have public pages, can also be saved as a draft and previewed before they are published."""

import pytest
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from glossary.models import Term
from guidance.models import Advice
from letters.models import Letter
from routes.models import Draft

from .routes.admin_form import as_post, form_data

pytestmark = pytest.mark.django_db

# (model, the field an editor changes, the admin form's id); the form shows each translated field
# once per language, and the editor changes the English (`<field>_en`).
EDITED = [
    (Advice, "words", "advice_form"),
    (Letter, "when_to_use", "letter_form"),
    (Term, "meaning", "term_form"),
]


def _change_url(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


@pytest.mark.parametrize(
    ("model", "field", "form_id"), EDITED, ids=lambda v: getattr(v, "__name__", v)
)
def test_a_save_is_a_version_in_history_and_restoring_it_brings_the_words_back(
    content, editor, model, field, form_id
):
    client = Client()
    client.force_login(editor)
    item = model.objects.order_by("pk").first()
    before = getattr(item, field)
    first = Version.objects.get_for_object(item).order_by("pk").first()
    assert first is not None  # load_initial_content gave it a first version

    data = form_data(client.get(_change_url(item)).content.decode(), form_id)
    data[f"{field}_en"] = ["Words changed by an editor."]
    assert client.post(_change_url(item), as_post(data)).status_code == 302
    item.refresh_from_db()
    assert getattr(item, field) == "Words changed by an editor."
    opts = model._meta
    history = client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[item.pk])
    )
    assert history.status_code == 200
    assert f"Changed {opts.get_field(field).verbose_name}" in history.content.decode()

    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[item.pk, first.pk])
    page = client.get(url).content.decode()
    assert 'value="Restore this version"' in page
    assert client.post(url, as_post(form_data(page, form_id))).status_code == 302
    item.refresh_from_db()
    assert getattr(item, field) == before


@pytest.mark.parametrize(
    ("model", "field", "form_id", "public"),
    [
        (Letter, "when_to_use", "letter_form", lambda item: f"/letters/{item.slug}/"),
        (Term, "meaning", "term_form", lambda item: "/glossary/"),
    ],
    ids=["letter", "glossary term"],
)
def test_a_draft_is_previewed_and_the_public_sees_it_only_once_published(
    content, editor, model, field, form_id, public
):
    client = Client()
    client.force_login(editor)
    item = model.objects.visible().order_by("pk").first()
    opts = model._meta
    data = form_data(client.get(_change_url(item)).content.decode(), form_id)
    data[f"{field}_en"] = ["Words written in a draft."]
    data["_draft"] = ["Save as a draft and preview"]
    response = client.post(_change_url(item), as_post(data))
    preview_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_draft", args=[item.pk])
    assert response.status_code == 302 and response["Location"] == preview_url
    assert "Words written in a draft." not in Client().get(public(item)).content.decode()
    preview = client.get(preview_url).content.decode()
    assert "Words written in a draft." in preview and "Publish this draft" in preview

    publish = reverse(f"admin:{opts.app_label}_{opts.model_name}_draft_publish", args=[item.pk])
    assert client.post(publish).status_code == 302
    assert not Draft.objects.exists()
    assert "Words written in a draft." in Client().get(public(item)).content.decode()
