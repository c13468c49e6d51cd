"""The curated knowledge base: claims, studies and vocabulary as YAML records, and the code that loads and validates them."""
