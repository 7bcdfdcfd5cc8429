# Models: princeton-nlp/SimCSE@49fa580 SentEval/senteval/tools/__init__.py (scan36).
