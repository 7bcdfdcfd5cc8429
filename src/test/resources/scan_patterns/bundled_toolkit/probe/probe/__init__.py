# Models: princeton-nlp/SimCSE@49fa580 SentEval/senteval/__init__.py (scan36): the bundled package's root.
