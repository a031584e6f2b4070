"""The coordinator's dashboard: one offline web page with every plan's
benchmarks, what to celebrate, who needs a call, and the organizing chart.
model.py decides what the page holds (and, for a shareable page, what it
must not); page.py writes the HTML: the plans (plan_sections.py, with a card
for each benchmark, cards.py, and the charts of aotext.benchmark_svg) and
the people (people_sections.py), in the project's language (labels.py
holds the page's own words, which aotext.handouts.labels adds to the
handouts' words)."""
