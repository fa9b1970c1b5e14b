"""Output writers: terminal and machine formats (formats.py) and the HTML report site.

The site, one subject per module:
  site.py           `auditor report`: runs the engine, builds the pages, writes them
  accepted.py       which findings the baseline accepts (shown greyed, behind a switch)
  article_page.py   an article's page from the engine's result for one file
  index_page.py     the index: files not audited, articles, names table, stories, the run
  clean_version.py  the suggested clean version: the fixes as `auditor fix` applies them, the diff
  segments.py       the raw text cut into lines of highlighted segments
  readability.py    textstat figures and what they mean in words
  families.py       the families shown and their colours
  page_model.py     the data objects the templates loop over
  page_files.py     page names, atomic writes, stale pages, the output folder kept out of the audit
  render.py         jinja2 templates (templates/), inlined assets (assets/) and their CSP
"""
