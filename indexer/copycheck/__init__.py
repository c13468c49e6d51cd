"""The copy checker: which catalog claims a text makes, asserted or denied, and what it leaves unchecked.

The pipeline, one module per step (docs/checker.md):

    normalize   NFKC, invisible characters dropped, look-alike letters folded; offsets kept
    blocks      headings, paragraphs, list items with their lead-in, FAQ questions and answers
    sentences   sentences within blocks, and clauses within sentences
    context     the subject a sentence takes from its heading, lead-in, question or the sentence before
    concepts    spans of the shared concepts (kb/concepts.yaml) and claim terms, analysed like the index
    frames      a claim = a frame of slots found together in one clause or a short window
    stance      negation, hedging, conditionals and reported statements as scoped data rules
    figures     the copy's numbers, typed by what they measure, compared with the evidence
    checkworthy sentences making a checkable health claim that no catalog claim covers
    report      the report object, its JSON and the one Markdown/text rendering
    pipeline    check(text, units) gluing the steps together
"""
