"""Seed data. `sources.yml` (the site registry, read by `core.sources`) ships as package
data; `text/` (the seed pages as given) and `pages/` (the offline mirror's snapshot) stay
in the checkout for the development tools and tests."""
