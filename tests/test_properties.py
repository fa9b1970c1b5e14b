"""Property-based tests (hypothesis): whatever the input — random Unicode, realistic Markdown and
HTML, mixed line ends, BOMs, no-break spaces, 10,000-character tokens, UTF-8/16/32 bytes — the
document model and every registered check never raise, and every finding points inside the file:
text offsets inside `doc.text`, raw offsets inside `doc.raw`, line/column consistent with them.

Building blocks are lines of the seed articles and of the checks' examples (so that the checks
actually find something to place), markup constructs, and random characters.
"""
from __future__ import annotations

import codecs
import os
import pickle
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from auditor import engine, placement
from auditor.api import Options  # noqa: E402
from auditor.api import Finding  # noqa: E402
from auditor.config import Config  # noqa: E402
from auditor.document import Document  # noqa: E402
from auditor.registry import load_registry  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("text", "markdown", "html")
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}

REGISTRY = load_registry()
RULES = REGISTRY.sorted()
DOC_CHECKS = [r.cls for r in RULES if not r.cls.is_corpus]
CORPUS_CHECKS = [r.cls for r in RULES if r.cls.is_corpus]
_HOUSE = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8")
_HOUSE.write("Hirokazu Matsuno | Hirokasu Matsuno\nKyiv | Kiev\nVolodymyr Zelenskyy | Zelensky\n")
_HOUSE.close()
#: The family settings of a run with a house list of names (other families: their defaults).
SETTINGS = {fam: Options({k: (_HOUSE.name if k == "house_names" else o.default) for k, o in decl.items()})
            for fam, decl in REGISTRY.family_settings().items()}

# CI runs a fixed, reproducible set of examples. To hunt for new bugs, run with
# AUDITOR_PROPERTY_SCALE=20 (20 x the examples, a fresh random seed each run).
SCALE = int(os.environ.get("AUDITOR_PROPERTY_SCALE", "1") or 1)


def budget(n: int) -> settings:
    return settings(max_examples=n * SCALE, deadline=None, derandomize=SCALE == 1, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much, HealthCheck.large_base_example])


# --- building blocks ---------------------------------------------------------------------------

def _clean(line: str) -> str:
    """A line of an example table as article text: no '! '/'+ '/'- ' marker, no [[…]] brackets."""
    if line[:2] in ("! ", "+ ", "- "):
        line = line[2:]
    return line.replace("<nbsp>", "\u00a0").replace("[[", "").replace("]]", "")


def _articles() -> list[str]:
    """Whole articles: the seeds, each case of the checks' example tables (its lines as
    paragraphs), and each example table of sentences as one article."""
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for p in sorted(ROOT.glob("checks/*/examples/*.txt")):
        for block in re.split(r"^(?:---|===).*$", p.read_text(encoding="utf-8"), flags=re.M):
            lines = [_clean(line) for line in block.splitlines()
                     if line.strip() and not line.startswith(("#", "house:", "select:"))]
            if lines:
                out.append("\n\n".join(lines) + "\n")
    return out


def _corpus_lines() -> list[str]:
    return sorted({line.strip() for article in ARTICLES for line in article.splitlines() if line.strip()})


ARTICLES = _articles()
LINES = _corpus_lines() or ["Minister Alexander Smith met reporters in Paris on Monday."]

WORDS = sorted({w for line in LINES for w in line.split()})[:4000] or ["word"]

SPACES = ["\u00a0", "\u202f", "\u2009", "\u200b", "\u3000", "  ", "\t", "\u00a0\u00a0"]
ODD = ["\ufeff", "\u200d", "\u0301", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x00", "\ud7ff",
       "\U0001F600", "\u202e", "ﬁ", "İ", "ß", "Σ", "ǅ", "\u0130", "…", "“", "”", "«", "»", "„", "’",
       "\"", "'", "Ã©", "â€™", "Ð¼Ð¸Ñ€", "мир", "東京", "ا", "\u05d0"]

MARKDOWN_BITS = [
    "# ", "## ", "###### ", "#", " ##", "> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "    ", "\t",
    "***", "---", "___", "* * *", "**", "__", "*", "_", "`", "``", "```", "~~~", "```python",
    "\\*", "\\_", "\\", "[", "]", "(", ")", "![", "](", "[label](http://example.com/a)",
    "[See also](https://x.y/z \"title\")", "![photo](img.png)", "[unclosed](", "[a]", "<br>",
    "<b>", "</b>", "<span class=\"x\">", "<!-- comment -->", "<!-- unterminated",
    "<!-- auditor: ignore NM101 -->", "<!-- auditor: ignore-file BP -->", "&amp;", "&nbsp;",
    "&#8217;", "&#x41;", "&bogus;", "&#13;", "&#65279;", "&#0;", "&#99999999;", "&#xD800;",
    "---\ntitle: x\n---\n", "+++\ntitle = 'x'\n+++\n",
]

HTML_BITS = [
    "<p>", "</p>", "<div class=\"a\">", "</div>", "<br>", "<br/>", "<hr>", "<h1>", "</h1>",
    "<li>", "<ul>", "<a href=\"http://x\">", "</a>", "<b>", "<i>", "<span>", "<em>", "<title>",
    "<head>", "</head>", "<script>var a = '<p>';</script>", "<script>", "</script>",
    "<style>p{}</style>", "<noscript>x</noscript>", "<svg><text>x</text></svg>", "<template>",
    "<!-- comment -->", "<!--", "-->", "<!DOCTYPE html>", "<![CDATA[x]]>", "<![CDATA[", "<?xml ?>",
    "<a href=\"", "<p", "<", ">", "</", "<b<b<b", "&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;",
    "&#8217;", "&#x2019;", "&#13;", "&#10;", "&#65279;", "&#0;", "&#99999999;", "&#xD800;",
    "&bogus;", "&amp", "&", "&#", "<!-- auditor: ignore -->", "<!-- auditor: ignore TR BP -->",
    "<!-- auditor: ignore-file NM -->", "<SCRIPT >x</SCRIPT >", "<Br>",
]

FRONT_MATTER = st.sampled_from(["", "---\ntitle: A story\n---\n", "---\r\ntitle: x\r\n---\r\n",
                                "\ufeff---\ntitle: x\n---\n", "+++\ntitle = 'x'\n+++\n",
                                "---\nunclosed: front matter\n"])

LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n\r", " \n", "\n\n\n"])


@st.composite
def long_token(draw) -> str:
    n = draw(st.sampled_from([300, 2000, 10_000]))
    unit = draw(st.sampled_from([" ", "\t", " #", "a", "Ab", "я", "東", ".", "-", "*", "_", "<", "&", "[",
                                 "\"", "’", "A.", "x\u00a0", "\u0301", "Aldograph"]))
    return (unit * (n // len(unit) + 1))[:n]


def random_text(max_size: int = 40):
    return st.text(st.characters(blacklist_categories=("Cs",)), max_size=max_size)


def piece(kind: str):
    """One stretch of a document: a realistic line, words with odd spaces, markup, or noise."""
    options = [
        st.sampled_from(LINES),
        st.sampled_from(LINES),
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join),
        st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES), st.sampled_from(LINES)).map("".join),
        st.sampled_from(ODD),
        random_text(),
    ]
    if kind == "markdown":
        options += [st.sampled_from(MARKDOWN_BITS)] * 3 + [markdown_construct()]
    elif kind == "html":
        options += [st.sampled_from(HTML_BITS)] * 3 + [html_construct()]
    return st.one_of(options)


@st.composite
def markdown_construct(draw) -> str:
    line = draw(st.sampled_from(LINES))
    form = draw(st.integers(0, 8))
    if form == 0:
        return draw(st.sampled_from(["# ", "## ", "### "])) + line + draw(st.sampled_from(["", " ##", " #"]))
    if form == 1:
        words = line.split()
        i = draw(st.integers(0, len(words) - 1))
        words[i] = f"[{words[i]}](https://example.com/{i})"
        return " ".join(words)
    if form == 2:
        mark = draw(st.sampled_from(["*", "**", "_", "__", "`"]))
        words = line.split()
        i = draw(st.integers(0, len(words) - 1))
        words[i] = mark + words[i] + mark
        return " ".join(words)
    if form == 3:
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        closer = draw(st.sampled_from([fence, "", "```", "~~~~"]))
        return f"{fence}\n{line}\n{closer}"
    if form == 4:
        return draw(st.sampled_from(["> ", "- ", "1. ", "    "])) + line
    if form == 5:
        return f"<!-- {line} -->"
    if form == 6:
        return f"![{line[:20]}](img.png \"{line[:10]}\")"
    if form == 7:
        return line.replace(" ", "&nbsp;", 2)
    return "\\" + line


@st.composite
def html_construct(draw) -> str:
    line = draw(st.sampled_from(LINES))
    form = draw(st.integers(0, 7))
    tag = draw(st.sampled_from(["p", "div", "h1", "li", "span", "b", "title", "td"]))
    if form == 0:
        return f"<{tag}>{line}</{tag}>"
    if form == 1:
        return f"<{tag} class=\"x\">{line}"  # unclosed
    if form == 2:
        return f"<script>{line}</script>"
    if form == 3:
        return f"<!-- {line} -->"
    if form == 4:
        return line.replace(" ", "&nbsp;", 3).replace("'", "&#8217;")
    if form == 5:
        return f"<a href=\"https://example.com/\">{line}</a>"
    if form == 6:
        return f"<{tag}>{line}"  # unclosed, no attributes
    return line.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def document_raw(draw, kind: str, allow_long: bool = True) -> str:
    """A decoded file of `kind`: pieces joined by a mix of line ends, maybe a BOM and front matter."""
    parts = []
    if draw(st.booleans()):
        parts.append("\ufeff")
    if kind == "markdown":
        parts.append(draw(FRONT_MATTER))
    elif kind == "html" and draw(st.booleans()):
        parts.append("<!DOCTYPE html><html><head><title>T</title></head><body>\n")
    n = draw(st.integers(0, 14))
    for _ in range(n):
        if allow_long and draw(st.integers(0, 30)) == 0:
            parts.append(draw(long_token()))
        else:
            parts.append(draw(piece(kind)))
        parts.append(draw(st.one_of(LINE_ENDS, st.sampled_from([" ", "", "\u00a0"]))))
    if draw(st.booleans()):
        parts.append(draw(LINE_ENDS))
    return "".join(parts)


@st.composite
def marked_up_article(draw, kind: str, allow_long: bool = True) -> str:
    """A real article (seed or example) with markup around some of its lines, mixed line ends,
    odd spaces and characters slipped in, maybe a BOM: the checks find things in it."""
    lines = draw(st.sampled_from(ARTICLES)).splitlines()
    out = ["\ufeff"] if draw(st.booleans()) else []
    if kind == "markdown":
        out.append(draw(FRONT_MATTER))
    elif kind == "html" and draw(st.booleans()):
        out.append("<html><head><title>T</title><script>x = 1;</script></head><body>")
    uniform = draw(st.one_of(st.none(), LINE_ENDS))
    for line in lines:
        form = draw(st.integers(0, 9))
        if line and form == 0:
            words = line.split(" ")
            i = draw(st.integers(0, len(words) - 1))
            words[i] = draw(st.sampled_from(SPACES + ODD)) + words[i]
            line = " ".join(words)
        elif line and form == 1 and kind == "markdown":
            words = line.split(" ")
            i = draw(st.integers(0, len(words) - 1))
            words[i] = draw(st.sampled_from(["*{}*", "**{}**", "_{}_", "`{}`", "[{}](https://x.org/a)",
                                             "![{}](i.png)", "<b>{}</b>", "{}&nbsp;", "\\{}"])).format(words[i])
            line = draw(st.sampled_from(["# ", "## ", "> ", "- ", "1. ", "", "", ""])) + " ".join(words)
            if draw(st.integers(0, 5)) == 0:
                line = "```\n" + line + "\n```"
        elif line and form == 1 and kind == "html":
            tag = draw(st.sampled_from(["p", "div", "h2", "li", "b"]))
            space = draw(st.sampled_from([" ", "&nbsp;", " <i></i>"]))
            line = f"<{tag}>{line.replace('&', '&amp;').replace(' ', space, 2)}" \
                   + draw(st.sampled_from([f"</{tag}>", "", "<br>"]))
        elif form == 2:
            out.append(draw(piece(kind)) + draw(LINE_ENDS))
        elif allow_long and form == 3 and draw(st.integers(0, 10)) == 0:
            line = line + " " + draw(long_token())
        out.append(line + (uniform if uniform is not None else draw(LINE_ENDS)))
    return "".join(out)


@st.composite
def kind_and_raw(draw, allow_long: bool = True):
    kind = draw(st.sampled_from(KINDS))
    raw = draw(st.one_of(marked_up_article(kind, allow_long), marked_up_article(kind, allow_long),
                         document_raw(kind, allow_long), random_text(300)))
    return kind, raw


# --- invariants --------------------------------------------------------------------------------

def line_col(raw: str, offset: int) -> tuple[int, int]:
    """The definition: 1-based line = LFs before the offset + 1, column = chars since that LF + 1."""
    return raw.count("\n", 0, offset) + 1, offset - (raw.rfind("\n", 0, offset) + 1) + 1


def assert_text_span(doc: Document, start: int, end: int, what) -> None:
    assert isinstance(start, int) and isinstance(end, int), what
    assert 0 <= start <= end <= len(doc.text), (what, start, end, len(doc.text))


def assert_placed(doc: Document, rep: placement.Reported, what) -> None:
    raw = doc.raw
    assert 0 <= rep.start <= rep.end <= len(raw), (what, rep.start, rep.end, len(raw))
    assert (rep.line, rep.column) == line_col(raw, rep.start), (what, rep)
    assert (rep.end_line, rep.end_column) == line_col(raw, rep.end), (what, rep)
    assert rep.snippet == raw[rep.start:rep.end]


def assert_related(rep: placement.Reported, docs: dict[str, Document], what) -> None:
    for r in rep.related:
        other = docs.get(r["path"])
        if other is None:
            continue
        assert 0 <= r["start"] <= r["end"] <= len(other.raw), (what, r, len(other.raw))
        assert (r["line"], r["column"]) == line_col(other.raw, r["start"]), (what, r)


_QUOTED = re.compile(r"(?:the headline )?'(.+?)'(?=[ :,;)]|$)")


def _squash(s: str) -> str:
    return " ".join(s.split())


def assert_quote_matches_span(doc: Document, f, what) -> None:
    """A message that opens by quoting the flagged text ('Kurles' is spelled …) quotes what the
    span covers: offsets computed on a changed copy of the text (lowered, normalized) drift."""
    m = _QUOTED.match(f.message)
    if not m:
        return
    quoted = _squash(m.group(1).rstrip("…"))
    span = _squash(doc.text[f.start:f.end])
    assert quoted in span, (what, "message quotes other text than the span", m.group(1), doc.text[f.start:f.end])


def check_finding(doc: Document, inst, f, docs: dict[str, Document]) -> None:
    what = (inst.code, doc.path)
    assert isinstance(f, Finding), what
    assert_text_span(doc, f.start, f.end, (what, f.message))
    assert_quote_matches_span(doc, f, what)
    for r in f.related:
        other = docs.get(r.path)
        assert other is not None, (what, "related to a file not in the corpus", r.path)
        assert_text_span(other, r.start, r.end, (what, "related", r))
    rep = placement.place(doc, inst, f, inst.severity, docs.get)
    assert_placed(doc, rep, what)
    assert_related(rep, docs, what)


def check_model(doc: Document) -> None:
    text, raw = doc.text, doc.raw
    assert "\r" not in text, "visible text keeps a CR"
    if text.startswith("\ufeff"):  # only as written, `&#65279;`: the file's BOM is never text
        assert raw[doc.raw_span(0, 1)[0]] == "&", "visible text starts with the BOM"
    for name in ("lines", "paragraphs", "sentences", "quotes"):
        prev = 0
        for span in getattr(doc, name):
            assert_text_span(doc, span.start, span.end, name)
            assert span.text == text[span.start:span.end], name
            assert span.start >= prev, (name, "not sorted or overlapping")
            prev = span.end
    for s in doc.sentences:
        assert 0 <= s.paragraph < len(doc.paragraphs)
        p = doc.paragraphs[s.paragraph]
        assert p.start <= s.start <= s.end <= p.end
    for offset in {0, len(raw) // 2, len(raw)}:
        assert doc.line_col(offset) == line_col(raw, offset)
    for offset in {0, len(text) // 3, len(text)}:
        assert 1 <= doc.line_of(offset) <= raw.count("\n") + 1


def check_offset_map(doc: Document) -> None:
    """raw_span of every text span stays inside raw, start <= end, and is monotonic."""
    text, raw = doc.text, doc.raw
    n = len(text)
    prev_start = prev_end = 0
    for i in range(n + 1):
        a, b = doc.raw_span(i, i)
        assert 0 <= a <= b <= len(raw), ("empty span", i, a, b)
        assert a >= prev_start, ("raw_span start not monotonic", i, a, prev_start)
        prev_start = a
        if i < n:
            a1, b1 = doc.raw_span(i, i + 1)
            assert 0 <= a1 <= b1 <= len(raw), ("char span", i, a1, b1)
            assert a1 == a, ("start of a char span differs from the empty span", i)
            assert b1 >= prev_end, ("raw_span end not monotonic", i, b1, prev_end)
            prev_end = b1
    if n:
        assert doc.raw_span(0, n) == (doc.raw_span(0, 1)[0], doc.raw_span(n - 1, n)[1])
    m = doc.offset_map
    if m is None:
        assert text == raw
        return
    # The segments tile the visible text, in raw order, without overlap.
    t_pos = r_pos = 0
    for t0, t1, r0, r1 in m.to_list():
        assert t0 == t_pos and t1 > t0, ("segments do not tile the text", t0, t1, t_pos)
        assert r_pos <= r0 <= r1 <= len(raw), ("segments overlap or leave raw", r0, r1, r_pos)
        t_pos, r_pos = t1, r1
    assert t_pos == n


def run_doc_checks(doc: Document, settings=SETTINGS) -> None:
    docs = {doc.path: doc}
    for cls in DOC_CHECKS:
        inst = cls(None, (settings or {}).get(cls.family))
        if inst.kinds and doc.kind not in inst.kinds:
            continue
        for f in inst.check(doc):
            check_finding(doc, inst, f, docs)


def run_corpus_checks(docs: list[Document]) -> None:
    by_path = {d.path: d for d in docs}
    for cls in CORPUS_CHECKS:
        inst = cls(None, SETTINGS.get(cls.family))
        summary = reduce(inst, docs) if inst.collects() else None
        inst._analysis_results = {a: a(None, SETTINGS.get(a.family or cls.family)).finalize_now(
            reduce(a(None, SETTINGS.get(a.family or cls.family)), docs)) for a in cls.uses}
        for path, f in inst.finalize(summary):
            assert path in by_path, (inst.code, "finding on a file not in the corpus", path)
            check_finding(by_path[path], inst, f, by_path)
        inst.corpus_data(summary)


def reduce(collector, docs: list[Document]):
    """collect/merge over the documents, each summary pickled as from a --jobs worker."""
    summary = collector.empty()
    for doc in docs:
        summary = collector.merge(summary, pickle.loads(pickle.dumps(collector.collect(doc))))
    return summary


# --- properties: the document model ------------------------------------------------------------

@budget(100)
@given(kind_and_raw())
@example(("markdown", "Line one\rline two\r"))
@example(("html", "<p>a&#13;b</p>"))
@example(("markdown", "\ufeff# Title\r\n\r\nBody text.\r\n"))
@example(("html", "\ufeff<p>x</p>"))
@example(("text", "a\r\rb\r\n"))
def test_offset_map_and_document_model(case):
    kind, raw = case
    doc = Document(f"doc{SUFFIX[kind]}", raw, kind)
    check_offset_map(doc)
    check_model(doc)


@budget(60)
@given(st.sampled_from(KINDS),
       st.lists(st.sampled_from(MARKDOWN_BITS + HTML_BITS + ODD + ["\r", "\n", "\r\n", " x "]), max_size=30).map("".join))
def test_offset_map_on_markup_soup(kind, raw):
    """Markup fragments glued without text: unclosed tags, comments, fences, entities."""
    doc = Document(f"soup{SUFFIX[kind]}", raw, kind)
    check_offset_map(doc)
    check_model(doc)
    run_doc_checks(doc, settings=None)  # default settings: a check must cope


@budget(100)
@given(kind_and_raw(allow_long=False), st.sampled_from(["\r\n", "\r"]), st.booleans())
@example(("markdown", "# Title #\nBody.\n"), "\r\n", False)
@example(("markdown", "```\ncode\n```\nBody"), "\n", True)
@example(("markdown", "- item\nBody"), "\n", True)
@example(("markdown", "_"), "\n", True)
@example(("markdown", "*"), "\n", True)
@example(("markdown", "    code\n\nBody"), "\n", True)
@example(("markdown", "---\ntitle: x\n---\nBody\n"), "\r", False)
@example(("markdown", "Text\n\n# Head\n> quote\n~~~\ncode\n~~~\nend\n"), "\r", False)
def test_visible_text_does_not_depend_on_line_ends_or_bom(case, line_end, bom):
    """The same article saved with CRLF or CR line ends, or with a BOM, reads the same."""
    kind, raw = case
    lf = re.sub(r"\r\n?", "\n", raw).lstrip("\ufeff")
    other = ("\ufeff" if bom else "") + lf.replace("\n", line_end)
    assert Document("a", other, kind).text == Document("a", lf, kind).text


PLAIN_LINES = [line for line in LINES
               if not re.search(r"[*_\[\]()#<>&`~\\!|{}+=]|^\W|^\d+[.)]|-{2,}|[^\S ]", line)]


@st.composite
def marked_up_plain_article(draw, kind: str) -> tuple[str, str]:
    """(plain article, the same article in well-formed markup of `kind`)."""
    lines = draw(st.lists(st.sampled_from(PLAIN_LINES), min_size=1, max_size=8))
    out = []
    for line in lines:
        words = line.split(" ")
        chosen = draw(st.lists(st.integers(0, len(words) - 1), max_size=3, unique=True))
        for i in chosen:  # one construct per word: mixed nesting (_*x*_) is out of scope
            if kind == "markdown":
                fmt = draw(st.sampled_from(["*{}*", "**{}**", "_{}_", "__{}__", "`{}`", "[{}](https://x.org/a)",
                                            "[{}](/a \"title\")", "![{}](i.png)", "<b>{}</b>", "{}&nbsp;",
                                            "<!-- note -->{}"]))
            else:
                fmt = draw(st.sampled_from(["<b>{}</b>", "<a href=\"https://x.org/?a=1&amp;b=2\">{}</a>",
                                            "<span class='x'>{}</span>", "{}&nbsp;", "<!-- c -->{}",
                                            "<em>{}</em><br>", "<script>var x = 1;</script>{}",
                                            "&#8203;{}", "<img src=i.png alt=''>{}"]))
            words[i] = fmt.format(words[i])
        body = " ".join(words)
        if kind == "markdown":
            body = draw(st.sampled_from(["", "", "# ", "## ", "> ", "- ", "* ", "1. "])) + body
            body += draw(st.sampled_from(["", "", " ##"])) if body.startswith("#") else ""
            out.append(body)
            if draw(st.integers(0, 4)) == 0:
                out.append(draw(st.sampled_from(["```\ncode *x* [y](z)\n```", "~~~\n# not a heading\n~~~",
                                                 "***", "<!-- a comment -->"])))
        else:
            tag = draw(st.sampled_from(["p", "div", "h2", "li", "blockquote"]))
            out.append(f"<{tag}>{body}</{tag}>" if draw(st.integers(0, 3)) else f"<{tag}>{body}")
    sep = draw(LINE_ENDS.filter(lambda e: e.strip(" ") != ""))
    front = ""
    if kind == "markdown":
        front = draw(st.sampled_from(["", "---\ntitle: x\n---\n"])).replace("\n", sep)
        sep = sep if sep.count("\n") + sep.count("\r") - sep.count("\r\n") > 1 else sep * 2  # paragraphs
    else:
        front = draw(st.sampled_from(["", "<html><head><title>T</title><style>p {}</style></head><body>"]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return "\n".join(lines), bom + front + sep.join(out) + sep


def squash(text: str) -> str:
    return " ".join(text.replace("\u200b", "").split())


@budget(100)
@given(st.sampled_from(["markdown", "html"]).flatmap(lambda k: st.tuples(st.just(k), marked_up_plain_article(k))))
@example(("markdown", ("Talks resumed.", "\ufeff# Talks resumed.\n")))
@example(("markdown", ("Talks resumed.", "\ufeff```\ncode\n```\n\nTalks resumed.\n")))
@example(("markdown", ("Talks resumed.", "# Talks resumed. ##\r\n")))
@example(("markdown", ("Talks resumed today.", "Talks ***resumed*** today.\n")))
@example(("markdown", ("Talks resumed.", "---\rtitle: x\r---\r> Talks resumed.\r")))
def test_visible_text_of_well_formed_markup_is_the_article(case):
    """Well-formed markup around a plain article: the visible text is the article's words."""
    kind, (plain, raw) = case
    doc = Document("a", raw, kind)
    assert squash(doc.text) == squash(plain), raw
    check_offset_map(doc)


# --- properties: every check ---------------------------------------------------------------------

@budget(80)
@given(kind_and_raw())
def test_per_document_checks_place_findings_inside_the_file(case):
    kind, raw = case
    doc = Document(f"article{SUFFIX[kind]}", raw, kind)
    run_doc_checks(doc)


@budget(50)
@given(st.lists(kind_and_raw(allow_long=False), min_size=1, max_size=3), st.integers(0, 2 ** 16))
def test_corpus_checks_place_findings_inside_the_file(cases, seed):
    docs = [Document(f"f{i}{SUFFIX[kind]}", raw, kind) for i, (kind, raw) in enumerate(cases)]
    random.Random(seed).shuffle(docs)  # the merge order must not matter for validity
    run_corpus_checks(docs)


@budget(40)
@given(st.sampled_from(KINDS), st.sampled_from(LINES), long_token(), st.sampled_from(SPACES + ["\n", "\r", " "]))
def test_very_long_tokens(kind, line, token, space):
    """A 10,000-character word without spaces inside an otherwise ordinary article."""
    raw = f"{line}{space}{token}{space}{line}\n\n{token}.\n{line}"
    doc = Document(f"long{SUFFIX[kind]}", raw, kind)
    check_offset_map(doc)
    run_doc_checks(doc)
    run_corpus_checks([doc, Document(f"other{SUFFIX[kind]}", line + "\n", kind)])


def test_long_runs_of_blanks_stay_linear():
    """A Markdown line with 200,000 spaces or tabs (scraped pages have such runs). The heading
    tail pattern was tried from every blank of the run: 20,000 spaces took 5 s, 200,000 would
    take minutes. Linear, it takes milliseconds; the subprocess timeout is only a hang guard."""
    code = ("from auditor.document import Document\n"
            "for unit in (' ', '\\t', ' #'):\n"
            "    raw = 'Title' + unit * 100_000 + 'x\\n\\n# Head ' + unit * 100_000 + '##\\n'\n"
            "    Document('a.md', raw, 'markdown').text\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


# --- property: end to end through the engine, files on disk -------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le+bom", "utf-16-be+bom", "utf-32",
             "utf-32-le+bom", "utf-32-be+bom"]


def encode(text: str, encoding: str) -> bytes:
    if encoding.endswith("+bom"):
        codec = encoding[:-4]
        bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
               "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
        return bom + text.encode(codec, "surrogatepass")
    return text.encode(encoding, "surrogatepass")


@st.composite
def file_bytes(draw):
    """(kind, bytes, the text they must decode to, or None for random bytes)."""
    kind = draw(st.sampled_from(KINDS))
    choice = draw(st.integers(0, 9))
    if choice == 0:  # random bytes, maybe behind a BOM
        prefix = draw(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                                       codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]))
        return kind, prefix + draw(st.binary(max_size=400)), None
    long_ok = draw(st.integers(0, 4)) == 0
    raw = draw(st.one_of(marked_up_article(kind, long_ok), document_raw(kind, long_ok)))
    # The encoder writes its own BOM. A UTF-16-LE file whose first character is U+0000 starts
    # like a UTF-32-LE BOM (FF FE 00 00): ambiguous by nature, so no text starts with U+0000.
    raw = raw.lstrip("\ufeff\x00")
    encoding = draw(st.sampled_from(ENCODINGS))
    data = encode(raw, encoding)
    return kind, data, raw if encoding == "utf-8" else "\ufeff" + raw


@budget(40)
@given(st.lists(file_bytes(), min_size=1, max_size=3))
def test_engine_run_on_files_on_disk(files):
    with tempfile.TemporaryDirectory() as tmp:
        expected = {}
        for i, (kind, data, text) in enumerate(files):
            path = Path(tmp, f"a{i}{SUFFIX[kind]}")
            path.write_bytes(data)
            expected[os.path.basename(path)] = text
        result = engine.run([tmp], Config(), REGISTRY, jobs=1)
        failed = [n.message for n in result.notices
                  if n.level == "error" and re.search(r"check \S+ failed", n.message)]
        assert not failed, failed
        docs = {r.path: r.ref.document() for r in result.files}
        for r in result.files:
            doc = docs[r.path]
            text = expected[os.path.basename(r.path)]
            if text is not None and doc.encoding.startswith("utf-"):
                assert doc.raw == text, (r.path, doc.encoding)  # decoded as written, BOM kept
            for rep in r.findings:
                assert_placed(doc, rep, (rep.code, r.path))
                assert_related(rep, docs, (rep.code, r.path))
