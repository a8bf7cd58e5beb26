"""The glossary page: every published term and what it means, A to Z."""

from django.shortcuts import render

from ealing_send.pagecache import content_page
from routes.views import can_preview

from .models import Term


@content_page()
def glossary(request):
    terms = list(Term.objects.visible(drafts=can_preview(request)))
    return render(request, "glossary/glossary.html", {"terms": terms, "nav_section": ""})
