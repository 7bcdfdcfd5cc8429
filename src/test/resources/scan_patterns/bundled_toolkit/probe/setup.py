# Models: princeton-nlp/SimCSE@49fa580 SentEval/setup.py (scan36): the bundled toolkit's own packaging.
from setuptools import find_packages, setup

setup(name="probe", version="0.1", packages=find_packages())
