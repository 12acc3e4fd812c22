"""The public look-up: one query per answer, the same view on the API and the pages, and
LIKE wildcards in a search matching only themselves."""

from __future__ import annotations

from psti.registry import products

from .conftest import World


def test_lookup_by_model_text_and_id(world_any: World) -> None:
    w = world_any
    p = w.product("acme", "CAM_100%", "2031-12-31")
    w.statement("acme", p["id"])
    other = w.product("acme", "CAMX1000", "2031-12-31")
    w.statement("acme", other["id"])
    hidden = w.product("acme", "CAM-NOSTATEMENT", "2031-12-31")  # no statement: shown as such, after the others

    exact = w.get("anonymous", "/api/v1/lookup", params={"q": "cam_100%"}).json()
    assert [r["model"] for r in exact] == ["CAM_100%"]
    view = exact[0]
    assert view["manufacturer"]["slug"] == "acme" and view["statement"]["status"] == "published"
    assert view["reporting"]["report_form"] == "/report/acme" and view["support_period"]["end_date"] == "2031-12-31"
    assert w.get("anonymous", f"/api/v1/public/products/{view['id']}").json() == view

    # `_` and `%` are literal: "m_1" matches no "CAMX1000"-like model through a wildcard
    assert w.get("anonymous", "/api/v1/lookup", params={"q": "m_1"}).json() == [view]
    assert [r["model"] for r in w.get("anonymous", "/api/v1/lookup", params={"q": "%"}).json()] == ["CAM_100%"]
    models = [r["model"] for r in w.get("anonymous", "/api/v1/lookup", params={"q": "cam"}).json()]
    assert set(models[:2]) == {"CAM_100%", "CAMX1000"} and models[2:] == ["CAM-NOSTATEMENT"]
    # known without a statement: found, and says exactly that
    bare = w.get("anonymous", "/api/v1/lookup", params={"q": "nostatement"}).json()
    assert [(b["model"], b["statement"], b["statement_on_record"]) for b in bare] == [("CAM-NOSTATEMENT", None, False)]
    assert w.get("anonymous", f"/api/v1/public/products/{hidden['public_id']}").json() == bare[0]
    r = w.get("anonymous", "/api/v1/public/products/P-NO-SUCH-ID")
    assert r.status_code == 404 and "no published product" in r.text
    with w.app.state.psti.factory() as db:  # the registry library's view of the same product
        assert products.public_product(db, view["id"]) == view
    page = w.get("anonymous", f"/products/{view['id']}")
    assert page.status_code == 200 and "CAM_100%" in page.text
    assert w.get("anonymous", f"/products/{view['id']}/label.svg").headers["content-type"].startswith("image/svg")
