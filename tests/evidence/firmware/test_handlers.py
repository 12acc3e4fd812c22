"""Each credential handler on samples in the formats the real programs read and write."""

from __future__ import annotations

import hashlib

import pytest

from psti.evidence.firmware.handlers import FileInput, kind_for_source, registry, run
from tests.evidence.firmware.fwtree import md5


def text_input(rel: str, text: str, script: bool = False) -> FileInput:
    return FileInput(rel, rel.rsplit("/", 1)[-1], text.encode(), text, script=script)


def found(rel: str, text: str, script: bool = False) -> list[tuple[str, str | None, str, int | None]]:
    """(handler, account, secret, line) for everything the registry finds in one file."""
    return [(c.handler, c.account, c.secret, c.line) for c in run(text_input(rel, text, script)).credentials]


def test_every_handler_declares_its_files_kind_and_precision() -> None:
    names = [h.name for h in registry()]
    assert len(names) == len(set(names)) >= 6
    for h in registry():
        assert h.kind.startswith("FW-") and h.reads and h.precision and h.sources
    kinds = kind_for_source()
    assert kinds["busybox-httpd"] == kinds["lighttpd-plain"] == "FW-WEBSERVER-PASSWORD"
    assert kinds["web"] == "FW-WEBUI-PASSWORD" and kinds["xml"] == kinds["nvram"] == "FW-CONFIG-PASSWORD"


# --- web servers' user files -----------------------------------------------------------

WEBSERVER = {
    # BusyBox httpd.conf (uhttpd reads the same file): /path:user:password
    "/etc/httpd.conf": ("A:*\nH:/www\n/cgi-bin:admin:Gx81tz\n", [("admin", "Gx81tz", 3)]),
    # lighttpd plain backend, named so: user:password
    "/etc/lighttpd/lighttpd.user": ("admin:ipc2019\nguest:guest12\n",
                                    [("admin", "ipc2019", 1), ("guest", "guest12", 2)]),
    # mini_httpd .htpasswd (crypt)
    "/www/cgi-bin/.htpasswd": (f"admin:{md5('mini')}\n", [("admin", md5("mini"), 1)]),
    # boa user file
    "/etc/boa/boa.passwd": ("root:Zte521\n", [("root", "Zte521", 1)]),
}


@pytest.mark.parametrize("rel", sorted(WEBSERVER))
def test_web_server_user_files(rel: str) -> None:
    text, expected = WEBSERVER[rel]
    got = [(a, s, n) for h, a, s, n in found(rel, text) if h == "webserver-users"]
    assert got == expected


def test_lighttpd_htdigest_and_goahead_auth_txt_are_hashes() -> None:
    ha1 = hashlib.md5(b"admin:camera:12345").hexdigest()
    c = run(text_input("/etc/lighttpd/lighttpd.htdigest.user", f"admin:camera:{ha1}\n")).credentials
    assert [(x.account, x.form, x.hash_type) for x in c] == [("admin", "hash", "htdigest")]
    auth = f"role name=administrator abilities=manage,view\nuser name=admin password={ha1} roles=administrator\n"
    [g] = run(text_input("/etc/goahead/auth.txt", auth)).credentials
    assert (g.account, g.form, g.hash_type, g.line, g.source) == ("admin", "hash", "goahead-md5", 2, "goahead")


def test_lighttpd_userfile_named_by_its_configuration_is_referenced() -> None:
    conf = 'server.modules += ( "mod_auth" )\nauth.backend = "plain"\nauth.backend.plain.userfile = "/etc/pw.txt"\n'
    assert run(text_input("/etc/lighttpd/lighttpd.conf", conf)).referenced == {"/etc/pw.txt": "lighttpd-plain"}


# --- web UI code -----------------------------------------------------------------------

WEBUI = {
    "var defaultUser = \"admin\";\nvar defaultPassword = \"ipcam8899\";\n": ("admin", "ipcam8899", 2),
    "if (document.login.pwd.value == 'super!123') { ok(); }\n": ("pwd", "super!123", 1),
    '<input type="text" name="username" value="admin">\n<input value="Hik12345" name="pass" type="password">\n':
        ("admin", "Hik12345", 2),
    '$("#password").val("dvr2580");\n': (None, "dvr2580", 1),
    "const cfg = { admin_pwd: 'ad1234min' };\n": ("admin_pwd", "ad1234min", 1),
}


@pytest.mark.parametrize("code", sorted(WEBUI))
def test_web_ui_defaults(code: str) -> None:
    rel = "/www/login.html" if code.startswith("<") else "/www/js/login.js"
    got = [(a, s, n) for h, a, s, n in found(rel, code) if h == "web-ui"]
    assert got == [WEBUI[code]]


def test_web_ui_labels_and_empty_fields_are_not_passwords() -> None:
    html = ('<label for="pwd">Password</label><input type="password" name="pwd" value="">\n'
            '<input type="password" placeholder="password" value="">\n'
            "if (pwd.value == '') alert(lang.password_required);\nvar passwordMinLength = 8;\n")
    assert found("/www/login.htm", html) == []


# --- vendor default-configuration databases -------------------------------------------


def test_nvram_defaults_with_user_beside_password() -> None:
    text = "lan_ipaddr=192.168.0.1\nhttp_username=admin\nhttp_passwd=Tenda@888\nhttp_passwd_min=8\n"
    assert found("/etc/nvram.default", text) == [("default-config", "admin", "Tenda@888", 3)]


def test_xml_elements_attributes_and_name_value_params() -> None:
    xml = """<?xml version="1.0"?>
<InternetGatewayDeviceConfig>
  <X_HW_WebUserInfo NumberOfInstances="2">
    <X_HW_WebUserInfoInstance InstanceID="1" UserName="telecomadmin" Password="admintelecom" UserLevel="0"/>
  </X_HW_WebUserInfo>
  <Account><Username>root</Username><Password>hg8245h</Password></Account>
  <param name="ftp_password" value="ftp4321"/>
  <PasswordMinLength>8</PasswordMinLength>
</InternetGatewayDeviceConfig>
"""
    got = sorted((a, s, n) for h, a, s, n in found("/etc/config/hw_default_ctree.xml", xml))
    assert got == [("ftp_password", "ftp4321", 7), ("root", "hg8245h", 6), ("telecomadmin", "admintelecom", 4)]


def test_json_defaults() -> None:
    text = '{"system": {"users": [{"username": "admin", "password": "12345abc", "passwordPolicy": "strong"}]}}'
    assert found("/etc/default/config.json", text) == [("default-config", "admin", "12345abc", 1)]


def test_chpasswd_in_an_init_script() -> None:
    got = found("/etc/init.d/S99pw", "#!/bin/sh\necho 'root:Xc3511' | chpasswd\n", script=True)
    assert got == [("init-scripts", "root", "Xc3511", 2)]


def test_url_credentials() -> None:
    got = found("/etc/cron.d/push", "0 * * * * curl ftp://upload:F7tp9x@ftp.example.com/x\n")
    assert got == [("url-credentials", "upload", "F7tp9x", 1)]


def test_alpha_networks_telnetd_user_with_literal_or_file_password() -> None:
    literal = found("/etc/init.d/S80telnetd.sh", "#!/bin/sh\ntelnetd -l /usr/sbin/login -u Alphanetworks:Tk7dir615 &\n",
                    script=True)
    assert literal == [("init-scripts", "Alphanetworks", "Tk7dir615", 2)]
    script = ("#!/bin/sh\nimage_sign=`cat /etc/config/image_sign`\n"
              "telnetd -l /usr/sbin/login -u Alphanetworks:$image_sign &\n")
    got = run(text_input("/etc/scripts/misc/telnetd.sh", script, script=True))
    assert got.credentials == [] and list(got.referenced) == ["/etc/config/image_sign"]


def test_docs_list_every_handler_with_its_kind_and_precision_note() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "firmware.md").read_text()
    for h in registry():
        assert f"| `{h.name}` | `{h.kind}` | {h.reads} | {h.precision} |" in doc, h.name
