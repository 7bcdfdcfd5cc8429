# Models: ashawkey/torch-ngp@b6e0804 raymarching/setup.py (scan36, choose half): a CUDA extension the repository
# builds in place, packaged but without a licence of its own: the repository's own code.
from setuptools import setup

setup(name="kernels", version="0.1", py_modules=["fit"])
