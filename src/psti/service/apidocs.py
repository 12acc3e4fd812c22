"""The interactive API documentation at /docs, served from the service itself.

FastAPI's own /docs and /redoc pages load Swagger UI and ReDoc from a CDN: offline they
are blank, and the service's Content-Security-Policy (`script-src 'self'`, no inline
scripts) would block them anyway. Here Swagger UI comes from the `swagger-ui-bundle-v2`
package, its start-up script is a file rather than inline code, and every asset is
same-origin. ReDoc has no packaged copy, so /redoc is not offered.
"""

from __future__ import annotations

import html
import json

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

DOCS_PATH = "/docs"
ASSETS_PATH = "/docs/assets"
INIT_PATH = "/docs/init.js"


def swagger_ui_dir() -> str:
    from swagger_ui_bundle import swagger_ui_path

    return str(swagger_ui_path)


def docs_page(title: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)} – API</title>
<link rel="stylesheet" href="{ASSETS_PATH}/swagger-ui.css">
<link rel="icon" type="image/png" href="{ASSETS_PATH}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{ASSETS_PATH}/swagger-ui-bundle.js"></script>
<script src="{INIT_PATH}"></script>
</body>
</html>
"""


def init_script(openapi_url: str) -> str:
    config = {"url": openapi_url, "dom_id": "#swagger-ui", "layout": "BaseLayout", "deepLinking": True}
    return (
        f"const config = {json.dumps(config)};\n"
        "config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];\n"
        "window.ui = SwaggerUIBundle(config);\n"
    )


def install(app: FastAPI) -> None:
    """Replace FastAPI's CDN-based documentation pages with same-origin ones."""
    replaced = {app.docs_url, app.redoc_url, app.swagger_ui_oauth2_redirect_url} - {None}
    app.router.routes[:] = [r for r in app.router.routes if getattr(r, "path", None) not in replaced]
    openapi_url = app.openapi_url or "/openapi.json"
    page = docs_page(app.title)
    script = init_script(openapi_url)

    @app.get(DOCS_PATH, include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get(INIT_PATH, include_in_schema=False)
    def swagger_ui_init() -> Response:
        return Response(script, media_type="text/javascript")

    app.mount(ASSETS_PATH, StaticFiles(directory=swagger_ui_dir()), name="apidocs-assets")
