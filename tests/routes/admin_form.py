"""Read a rendered admin form the way a browser would submit it, so tests change only what a person
would change."""

from html.parser import HTMLParser

from modeltranslation.translator import NotRegistered, translator


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.data.setdefault(name, []).append(attrs.get("value") or default)
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            # Browsers drop the one newline that follows <textarea>.
            value = self.data[self._textarea][0]
            self.data[self._textarea][0] = value[1:] if value.startswith("\n") else value
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self.inside:
            self.inside = False


def form_data(html: str, form_id: str) -> dict[str, list[str]]:
    """Every field of the form with this id, as the browser would send it."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return dict(reader.data)


def as_post(data: dict[str, list[str]]) -> dict:
    """Form data for Django's test client (lists for repeated names)."""
    return {k: (v if len(v) != 1 else v[0]) for k, v in data.items()}


def field_name(model, name: str) -> str:
    """The admin form's name for a model field: a translated field is shown once per language, and
    staff write the English in `<name>_en` (django-modeltranslation)."""
    try:
        translated = translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        return name
    return f"{name}_en" if name in translated else name
