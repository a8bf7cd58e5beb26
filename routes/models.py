"""Content that ISAID staff keep true: the routes, the organisations that help, and the Code paragraphs."""

import re
import uuid
from datetime import date
from time import monotonic

import phonenumbers
from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from ealing_send.links import link

CODE_OF_PRACTICE_URL = "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25"


def today() -> date:
    """Today's date in the site's time zone (London), not the server's."""
    return timezone.localdate()


class ReviewedContent(models.Model):
    """Content with a review date, so staff can see what needs checking."""

    last_reviewed = models.DateField(
        default=today,
        help_text="The date someone last checked this is still right. After checking, press "
        "'Mark as reviewed today' at the bottom of this page.",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "review every (months)",
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text="How often this needs checking. Six months suits most content.",
    )
    review_due = models.DateField(
        editable=False,
        db_index=True,
        help_text="Worked out from the last review date and the review interval.",
    )
    review_notes = models.TextField(
        blank=True,
        help_text="For staff only, never shown on the site: what was checked, against which "
        "source (name it, with its address), and anything still to check.",
    )
    updated_at = models.DateTimeField("last changed", auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.review_due = self.last_reviewed + relativedelta(months=self.review_interval_months)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "last_reviewed" in update_fields:
            kwargs["update_fields"] = {*update_fields, "review_due"}
        super().save(*args, **kwargs)

    @property
    def needs_review(self) -> bool:
        """True when the review date has come."""
        return self.review_due is not None and self.review_due <= today()


class VisibleQuerySet(models.QuerySet):
    def visible(self, drafts: bool = False):
        """Published items, or every item for signed-in staff previewing drafts."""
        return self if drafts else self.filter(is_published=True)


class RouteQuerySet(VisibleQuerySet):
    def with_detail(self, drafts: bool = False):
        """Visible routes with their steps, citations and helping organisations (as `.helpers`),
        in a fixed number of queries however many there are."""
        helpers = RouteOrganisation.objects.select_related("organisation").order_by("order", "pk")
        if not drafts:
            helpers = helpers.filter(organisation__is_published=True)
        return self.visible(drafts).prefetch_related(
            models.Prefetch("steps", queryset=Step.objects.order_by("order", "pk")),
            "citations",
            models.Prefetch("routeorganisation_set", queryset=helpers, to_attr="helpers"),
        )


class CodeParagraph(ReviewedContent):
    """A paragraph, or a range of paragraphs, of the SEND Code of Practice: 0 to 25 years (2015)."""

    paragraph_number = RegexValidator(r"^\d{1,2}\.\d{1,3}$", "Write a paragraph number like 11.45.")

    start = models.CharField(
        "paragraph",
        max_length=8,
        validators=[paragraph_number],
        help_text="The paragraph number, for example 11.45. For a range, the first paragraph.",
    )
    end = models.CharField(
        "last paragraph of a range",
        max_length=8,
        blank=True,
        validators=[paragraph_number],
        help_text="Leave empty for a single paragraph. For 11.13 to 11.38, write 11.38 here.",
    )
    title = models.CharField(
        max_length=200, help_text="What the paragraph is about, in a few words."
    )
    quote = models.TextField(
        blank=True,
        help_text="The exact words of the Code, copied from it. Leave empty if we do not quote it.",
    )
    url = models.URLField(
        "link to the Code",
        default=CODE_OF_PRACTICE_URL,
        help_text="Where to read the Code on GOV.UK.",
    )
    sort_key = models.PositiveIntegerField(editable=False, default=0, db_index=True)

    class Meta:
        ordering = ["sort_key", "end"]
        verbose_name = "Code of Practice paragraph"
        constraints = [
            models.UniqueConstraint(fields=["start", "end"], name="unique_code_paragraph")
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def save(self, *args, **kwargs):
        self.sort_key = self.number_key(self.start)
        super().save(*args, **kwargs)

    @staticmethod
    def number_key(number: str) -> int:
        """Sort 11.2 before 11.13: chapter times 1000 plus paragraph."""
        match = re.fullmatch(r"(\d+)\.(\d+)", number or "")
        return int(match[1]) * 1000 + int(match[2]) if match else 0

    @property
    def reference(self) -> str:
        """'11.45', or '11.13 to 11.38' for a range."""
        return f"{self.start} to {self.end}" if self.end else self.start

    @property
    def citation(self) -> str:
        """How a caseworker cites it: 'SEND Code of Practice, paragraph 11.45', in the page's
        language (the Code's name stays English beside its translation)."""
        if self.end:
            return gettext("SEND Code of Practice, paragraphs {start} to {end}").format(
                start=self.start, end=self.end
            )
        return gettext("SEND Code of Practice, paragraph {start}").format(start=self.start)


def parsed_phone(text: str) -> phonenumbers.PhoneNumber | None:
    """The number in `text`, read as a UK number unless it starts with + (None if it is none)."""
    if not text.strip():
        return None
    try:
        return phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        return None


def written_phone(number: phonenumbers.PhoneNumber) -> str:
    """A UK number as people in the UK dial it (020 8825 5588), any other in international form."""
    if number.country_code == 44:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def validate_phone(value: str) -> None:
    """A phone number a family can dial: a UK number, or an international one starting with +."""
    number = parsed_phone(value)
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            "Enter a phone number that can be dialled, like 020 8825 5588 or 0808 808 3555",
            code="phone",
        )


class Organisation(ReviewedContent):
    """Someone a family can contact for help."""

    LOCAL = "local"
    NATIONAL = "national"
    SCOPE_CHOICES = [(LOCAL, "Local (Ealing)"), (NATIONAL, "National")]

    name = models.CharField(max_length=200, help_text="The name families will know it by.")
    slug = models.SlugField(
        unique=True,
        help_text="The end of the page address, for example 'ealing-isaid'. "
        "Filled in from the name. Changing it breaks links people have saved.",
    )
    helps_with = models.TextField(
        "what they help with",
        help_text="A few sentences in plain English. You can use Markdown: "
        "a blank line starts a new paragraph, '- ' starts a bullet point.",
    )
    phone = models.CharField(
        max_length=40,
        blank=True,
        validators=[validate_phone],
        help_text="As people should dial it, for example 020 8825 5588, or +33 1 23 45 67 89 "
        "from abroad. It is checked, and written the standard way when you save.",
    )
    email = models.EmailField(
        blank=True, help_text="An address families can write to. Leave empty if none."
    )
    website = models.URLField(blank=True, help_text="The full address, starting https://")
    opening_hours = models.CharField(
        max_length=200, blank=True, help_text="For example: Monday to Friday, 9am to 5pm."
    )
    contact_checked = models.DateField(
        "contact details checked on",
        null=True,
        blank=True,
        help_text="The date someone last rang, emailed or checked the organisation's own website "
        "to confirm the phone, email and website above. Shown on the site. Leave empty if "
        "nobody has checked them yet.",
    )
    scope = models.CharField(
        "local or national",
        max_length=10,
        choices=SCOPE_CHOICES,
        default=LOCAL,
        help_text="Local organisations are listed first.",
    )
    is_published = models.BooleanField(
        "published",
        default=True,
        help_text="Untick to hide this organisation from the public site while you work on it.",
    )

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return link("routes:organisation", self.slug)

    def clean(self):
        super().clean()
        number = parsed_phone(self.phone)
        if number is not None and phonenumbers.is_valid_number(number):
            self.phone = written_phone(number)

    @property
    def phone_href(self) -> str:
        """The phone number as a tel: link that dials (020 8825 5588 → tel:+442088255588, with
        ;ext=12 for an extension), or "" when there is none or it is not a number."""
        number = parsed_phone(self.phone)
        if number is None or not phonenumbers.is_valid_number(number):
            return ""
        dial = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return f"tel:{dial};ext={number.extension}" if number.extension else f"tel:{dial}"


class Route(ReviewedContent):
    """One way to sort out a disagreement: talk to the school, complain, mediation, appeal…"""

    title = models.CharField(max_length=120, help_text="Short, starting with a verb if you can.")
    slug = models.SlugField(
        unique=True,
        help_text="The end of the page address, filled in from the title. The questionnaire finds "
        "routes by it, so it cannot be changed once the route is saved.",
    )
    summary = models.CharField(
        "one-line summary", max_length=250, help_text="One sentence shown in lists of routes."
    )
    when_to_use = models.TextField(
        "when to use it",
        help_text="Who this route is for and when it fits. Markdown: '- ' starts a bullet point.",
    )
    body = models.TextField(
        "what happens",
        blank=True,
        help_text="More detail, in plain English. Markdown: '## ' starts a subheading.",
    )
    time_limits = models.TextField(
        "time limits",
        blank=True,
        help_text="Any deadlines a family must meet. Leave empty if there are none.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Routes are listed from the lowest number to the highest."
    )
    citations = models.ManyToManyField(
        CodeParagraph,
        blank=True,
        related_name="routes",
        verbose_name="Code of Practice paragraphs",
        help_text="The paragraphs of the SEND Code of Practice that back this route up. "
        "Start typing a number, for example 11.4.",
    )
    organisations = models.ManyToManyField(
        Organisation,
        through="RouteOrganisation",
        related_name="routes",
        blank=True,
        help_text="Who can help with this route: add them in the list at the bottom of the page.",
    )
    is_published = models.BooleanField(
        "published",
        default=True,
        help_text="Untick to hide this route from the public site while you work on it. "
        "Staff can still preview it.",
    )

    objects = RouteQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return link("routes:route", self.slug)


class Step(models.Model):
    """One step of a route, in order."""

    route = models.ForeignKey(
        Route,
        on_delete=models.CASCADE,
        related_name="steps",
        help_text="The route this step is part of.",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Steps run from low to high.")
    title = models.CharField(max_length=200, help_text="What to do, starting with a verb.")
    body = models.TextField(blank=True, help_text="More about this step. Markdown is allowed.")

    class Meta:
        ordering = ["route", "order", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.route.get_absolute_url()


class RouteOrganisation(models.Model):
    """An organisation that can help with a route, in the order families should try them."""

    route = models.ForeignKey(
        Route, on_delete=models.CASCADE, help_text="Start typing the route's name."
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, help_text="Start typing the organisation's name."
    )
    order = models.PositiveSmallIntegerField(
        blank=True,
        help_text="Organisations are listed from the lowest number to the highest, and families' "
        "action plans name only the first two of each route: a low number puts this organisation "
        "in plans, ahead of others. Leave empty to put it at the end.",
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "organisation that can help"
        verbose_name_plural = "organisations that can help"
        constraints = [
            models.UniqueConstraint(
                fields=["route", "organisation"], name="unique_route_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} helps with {self.route}"

    def save(self, *args, **kwargs):
        if self.order is None:
            # At the end of the route's list, so a new link never pushes others out of plans.
            last = RouteOrganisation.objects.filter(route_id=self.route_id).aggregate(
                last=models.Max("order")
            )["last"]
            self.order = 10 if last is None else last + 10
        super().save(*args, **kwargs)


class ContentVersion(models.Model):
    """One row whose token changes with every content save, in the save's own transaction.

    Pages and plans made from the content are kept per token, so nothing made from older content is
    served once a save commits. It lives in the database, not a cache, so no eviction, cache outage
    or restart can lose it, and a backup restored over it still moves it on.
    """

    token = models.CharField(
        max_length=32, help_text="Changes with every content save. Not content: never edit it."
    )

    # What this process last read, and when (time.monotonic()): see current().
    _known: tuple[float, str] | None = None

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return self.token

    @classmethod
    def current(cls) -> str:
        """The token now ('' if the row is gone). Every public request asks, so each process reads
        it at most every CONTENT_VERSION_CHECK_SECONDS: a save in another process shows within that
        time, a save in this one at once."""
        now = monotonic()
        known = cls._known
        if known is not None and now - known[0] < settings.CONTENT_VERSION_CHECK_SECONDS:
            return known[1]
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(cls._meta.db_table)
            cursor.execute(f"SELECT token FROM {table}")  # noqa: S608 - the model's own table
            row = cursor.fetchone()
        token = row[0] if row else ""
        cls._known = (now, token)
        return token

    @classmethod
    def forget(cls) -> None:
        """Read the token afresh next time."""
        cls._known = None

    @classmethod
    def lock(cls) -> None:
        """Lock the row before any content row, in a transaction that writes content.

        Every content save moves the version on, so every such transaction needs this row: taking
        it first means two saves always lock in the same order and cannot deadlock. Outside a
        transaction there is nothing to order; SQLite's write lock already covers the whole file.
        """
        if connection.in_atomic_block and connection.features.has_select_for_update:
            list(cls.objects.select_for_update().values_list("pk", flat=True))

    @classmethod
    def move_on(cls) -> None:
        """Give the content a new token (a token never repeats, so nothing older comes back)."""
        token = uuid.uuid4().hex
        if not cls.objects.update(token=token):
            cls.objects.create(token=token)
        # This process sees the new token at once, inside the transaction and after it commits.
        cls.forget()
        transaction.on_commit(cls.forget)


class ShippedContent(models.Model):
    """What the last release's initial content gave this site, one fixture file a row: the
    baseline that tells a staff edit (kept) from words the release may correct. Not content."""

    fixture = models.CharField(max_length=100, unique=True, help_text="The fixture file's name.")
    rows = models.JSONField(help_text="The fixture's rows as that release shipped them.")

    class Meta:
        verbose_name = "shipped content"
        verbose_name_plural = "shipped content"

    def __str__(self):
        return self.fixture


class Draft(models.Model):
    """A change to a live page, saved to be previewed before the public sees it: the page (the item
    with its steps and links) as the change would make it. Publishing applies it; until then the
    public sees the live page. One draft per page: saving another replaces it."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.CASCADE,
        help_text="The kind of item the draft changes.",
    )
    object_id = models.CharField(max_length=40, help_text="The item the draft changes.")
    page = models.TextField(
        help_text="The page as the draft would make it: the item and its steps and links (JSON)."
    )
    based_on = models.TextField(
        help_text="The live page when the draft was saved (JSON). If it has changed since, the "
        "draft is not published over a colleague's change."
    )
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        help_text="Who saved the draft.",
    )
    saved_at = models.DateTimeField(auto_now=True, help_text="When the draft was saved.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="one_draft_a_page")
        ]

    def __str__(self):
        return f"Draft of {self.content_type} {self.object_id}"


def content_models() -> list[type[models.Model]]:
    """Every model whose rows are content staff edit, taken from the content apps themselves
    (settings.CONTENT_APPS) so that a new one cannot be missed by the backup or by the content
    version: not the version, not drafts (the public never sees them)."""
    return [
        model
        for label in settings.CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if model not in (ContentVersion, ShippedContent, Draft)
    ]
