"""The browser test: every notebook in JupyterLab, in headless Chromium."""
