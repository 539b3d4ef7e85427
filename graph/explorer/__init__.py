"""The self-contained HTML explorer: the page (`page`), entity ranking (`ranking`) and the
layout computed in Python (`layout`, `force_layout`); page script and styles in assets/."""
