"""The newsclean benchmark: generated OCR pages with known defects, scored against truth.

- ``corpus``: read a JSONL article corpus and group it by printed page.
- ``generate`` (with ``layout`` and ``defects``): lay articles out as Markdown or plain OCR
  pages, inject a seeded, recorded mix of the seed page's defects, keep the truth.
- ``align``, ``score``, ``characters``, ``summary``: line the tool's articles up with the
  truth, count what was repaired, missed, broken or lost, and turn counts into figures.
- ``speed``: throughput on one core and all cores, growth with input size, baselines,
  memory, CLI start-up.  ``run`` and ``report`` drive the quality pass and print the table.
- ``reference``: a perfect and a do-nothing cleaner, to check the scorer itself.

Run it with ``python -m newsclean.bench --size small`` (see ``__main__``).
"""
