"""Planted credentials in every source kind must FAIL; the negative cases must not."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from psti.declaration import load_declaration
from psti.evidence.firmware.collector import FirmwareCollector, ScanOptions, scan_image
from psti.evidence.interface import CollectorContext, CollectorResult
from psti.model import Effect
from tests.evidence.firmware.fwtree import PASSWD, build, md5, sha512, squashfs

FAST = ScanOptions(crack_deadline_s=60)


def scan(root: Path, tmp: Path, opts: ScanOptions = FAST) -> CollectorResult:
    return scan_image(root, tmp / "work", opts)


def fails(result: CollectorResult) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in result.findings:
        if f.effect is Effect.FAIL:
            out.setdefault(f.kind, []).append(f)
    return out


def kinds(result: CollectorResult, effect: Effect) -> set[str]:
    return {f.kind for f in result.findings if f.effect is effect}


POSITIVE: dict[str, tuple[dict[str, str | bytes], str, str | None]] = {
    # name: (files, expected failing kind, expected path)
    "shadow-md5": (
        {"/etc/passwd": PASSWD, "/etc/shadow": f"root:{md5('admin')}:18000:0:99999:7:::\n"},
        "FW-SHADOW-HASH",
        "/etc/shadow",
    ),
    "busybox-passwd-hash": (
        {"/etc/passwd": f"root:{md5('x9!Kq-ww')}:0:0:root:/root:/bin/ash\n"},
        "FW-SHADOW-HASH",
        "/etc/passwd",
    ),
    "empty-root": (
        {"/etc/passwd": PASSWD, "/etc/shadow": "root::18000:0:99999:7:::\n"},
        "FW-EMPTY-PASSWORD",
        "/etc/shadow",
    ),
    "nvram": (
        {"/etc/nvram.default": "lan_ipaddr=192.168.1.1\nhttp_passwd=Zk8#mw2\n"},
        "FW-CONFIG-PASSWORD",
        "/etc/nvram.default",
    ),
    "uci-wifi": (
        {
            "/etc/config/wireless": "config wifi-iface 'default_radio0'\n\toption encryption 'psk2'\n"
            "\toption key 'SharedKey2024'\n"
        },
        "FW-CONFIG-PASSWORD",
        "/etc/config/wireless",
    ),
    "hostapd": (
        {"/etc/hostapd.conf": "interface=wlan0\nwpa=2\nwpa_passphrase=Camera12345\n"},
        "FW-CONFIG-PASSWORD",
        "/etc/hostapd.conf",
    ),
    "busybox-httpd": ({"/etc/httpd.conf": "A:*\n/cgi-bin:admin:admin\n"}, "FW-WEBSERVER-PASSWORD", "/etc/httpd.conf"),
    "lighttpd-plain": (
        {
            "/etc/lighttpd/lighttpd.conf": 'auth.backend = "plain"\n'
            'auth.backend.plain.userfile = "/etc/lighttpd/users"\n',
            "/etc/lighttpd/users": "admin:Qx7-lamp\n",
        },
        "FW-WEBSERVER-PASSWORD",
        "/etc/lighttpd/users",
    ),
    "htpasswd": (
        {"/www/.htpasswd": "admin:$apr1$nMebU24m$ofpVAehRJU5Jq8KUcsVYj1\n"},
        "FW-WEBSERVER-PASSWORD",
        "/www/.htpasswd",
    ),
    "mosquitto": (
        {
            "/etc/mosquitto/mosquitto.conf": "password_file /etc/mosquitto/pw\n",
            "/etc/mosquitto/pw": "test:$6$AQIDBAUG$LJOy7+x1cwKlJ74yCwBak1Vn83DyaKE5NvpC7zMcxwNux1pl+BEs"
            "5RH/YIjJKm/hOE+9D3CpvHrEGqYQM4SqjA==\n",
        },
        "FW-WEBSERVER-PASSWORD",
        "/etc/mosquitto/pw",
    ),
    "goahead": (
        {"/etc/umconfig.txt": "TABLE=users\nROW=0\nname=admin\npassword=gaHead77\n"},
        "FW-CONFIG-PASSWORD",
        "/etc/umconfig.txt",
    ),
    "chpasswd": (
        {"/etc/passwd": PASSWD, "/etc/init.d/S50setpw": "#!/bin/sh\necho 'root:letmein' | chpasswd\n"},
        "FW-SCRIPT-PASSWORD",
        "/etc/init.d/S50setpw",
    ),
    "passwd-pipe": (
        {"/etc/passwd": PASSWD, "/etc/rc.local": "#!/bin/sh\necho -e 'hunter2\\nhunter2' | passwd root\n"},
        "FW-SCRIPT-PASSWORD",
        "/etc/rc.local",
    ),
    "url": (
        {"/etc/init.d/S90upload": "#!/bin/sh\ncurl -T /tmp/log ftp://uploader:Upl0adPw@logs.vendor.example/\n"},
        "FW-URL-CREDENTIALS",
        "/etc/init.d/S90upload",
    ),
    "web-js": (
        {"/www/js/login.js": "function check(){ if (document.f.password.value == 'admin1234') ok(); }\n"},
        "FW-WEBUI-PASSWORD",
        "/www/js/login.js",
    ),
    "elf-strings": (
        {
            "/usr/bin/camd": b"\x7fELF\x02\x01\x01" + b"\0" * 64 + b"Password: \0Kam3raR00t77\0"
            b"Login incorrect\0" + b"\0" * 32
        },
        "FW-BINARY-PASSWORD",
        "/usr/bin/camd",
    ),
    "private-key": (
        {
            "/etc/ssl/private/server.key": "",
            "/etc/dropbear/dropbear_rsa_host_key": b"\x00\x00\x00\x07ssh-rsa\x00\x00\x00\x03\x01\x00\x01"
            + b"\x11" * 64,
        },
        "FW-PRIVATE-KEY",
        "/etc/dropbear/dropbear_rsa_host_key",
    ),
    "telnet-shell": (
        {"/etc/inittab": "::sysinit:/etc/init.d/rcS\n", "/etc/init.d/rcS": "#!/bin/sh\ntelnetd -l /bin/sh &\n"},
        "FW-TELNET-NOAUTH",
        "/etc/init.d/rcS",
    ),
    "firstboot-mac": (
        {
            "/etc/passwd": PASSWD,
            "/etc/shadow": "root:*:18000:0:99999:7:::\n",
            "/etc/uci-defaults/99-pw": "#!/bin/sh\nPW=$(cat /sys/class/net/eth0/address | tr -d :)\n"
            'echo "root:$PW" | chpasswd\n',
        },
        "FW-FIRSTBOOT-DERIVED",
        "/etc/uci-defaults/99-pw",
    ),
}


@pytest.mark.parametrize("name", sorted(POSITIVE))
def test_planted_credential_fails(name: str, tmp_path: Path) -> None:
    files, kind, path = POSITIVE[name]
    root = build(tmp_path / "rootfs", files)
    result = scan(root, tmp_path)
    found = fails(result)
    assert kind in found, [f"{f.effect.value} {f.kind} {f.message}" for f in result.findings]
    assert path in {f.location.path for f in found[kind]}
    for f in found[kind]:
        assert f.provisions, f
        assert f.location.line is not None or f.location.offset is not None or kind == "FW-PRIVATE-KEY"


def test_guessable_hash_is_cracked_with_corpus_source(tmp_path: Path) -> None:
    root = build(
        tmp_path / "rootfs",
        {
            "/etc/passwd": PASSWD + "support:x:500:500::/home:/bin/sh\n",
            "/etc/shadow": f"root:{sha512('7ujMko0vizxv')}:1::::::\nsupport:{md5('support')}:1::::::\n",
        },
    )
    result = scan(root, tmp_path)
    cracked = {f.details["account"]: f for f in result.findings if f.kind == "FW-CRACKED-HASH"}
    assert cracked["root"].effect is Effect.FAIL
    assert cracked["root"].details["plaintext"] == "7ujMko0vizxv"
    assert "corpus" in cracked["root"].details["corpus_source"]
    assert set(cracked["root"].provisions) == {"PSTI-S1-1.3.d", "EN303645-5.1-2"}
    assert cracked["support"].details["plaintext"] == "support"
    assert "FW-NO-GUESSABLE-PASSWORD" not in kinds(result, Effect.PASS)


NEGATIVE: dict[str, dict[str, str | bytes]] = {
    "locked-accounts": {
        "/etc/passwd": PASSWD + "admin:x:500:500::/home:/bin/sh\n",
        "/etc/shadow": "root:!:1::::::\ndaemon:*:1::::::\nadmin:!$1$abcdefgh$0123456789012345678901:1::::::\n",
    },
    "x-without-shadow-entry": {"/etc/passwd": PASSWD},
    "hash-but-nologin-and-no-service": {
        "/etc/passwd": "root:x:0:0:root:/root:/bin/sh\nmqtt:x:200:200::/var:/sbin/nologin\n",
        "/etc/shadow": f"root:*:1::::::\nmqtt:{md5('mqtt')}:1::::::\n",
    },
    "firstboot-random": {
        "/etc/passwd": PASSWD,
        "/etc/shadow": f"root:{md5('admin')}:1::::::\n",
        "/etc/init.d/S01firstboot": "#!/bin/sh\n[ -f /data/.pw ] && exit 0\n"
        "PW=$(head -c 12 /dev/urandom | base64)\n"
        'echo "root:$PW" | chpasswd\ntouch /data/.pw\n',
    },
    "docs-mention-password": {
        "/usr/share/doc/app/README": "Set password=admin in the config file. The default password is admin.\n",
        "/etc/app.conf": "# password=changeme\npassword_min_length=8\npassword_file=/etc/app/pw\n"
        "password=${ADMIN_PASSWORD}\n",
        "/www/index.html": '<label>Password</label><input type="password" name="password" value="">\n',
        "/etc/wpa_supplicant.conf.example": "",
    },
    "format-strings-in-binary": {
        "/usr/bin/login": b"\x7fELF\x02\x01\x01" + b"\0" * 64 + b"Password: \0%s: bad password\0"
        b"no-x11-forwarding\0PKCS8Encrypted\0/etc/shadow\0" + b"\0" * 16
    },
}


@pytest.mark.parametrize("name", sorted(NEGATIVE))
def test_negative_cases_give_no_fail(name: str, tmp_path: Path) -> None:
    root = build(tmp_path / "rootfs", NEGATIVE[name])
    result = scan(root, tmp_path)
    assert not fails(result), [f.message for f in result.findings if f.effect is Effect.FAIL]
    assert {"FW-NO-UNIVERSAL-PASSWORD", "FW-NO-PRIVATE-KEY"} <= kinds(result, Effect.PASS)


def test_firstboot_replacement_is_reported_as_info(tmp_path: Path) -> None:
    root = build(tmp_path / "rootfs", NEGATIVE["firstboot-random"])
    result = scan(root, tmp_path)
    replaced = [f for f in result.findings if f.kind == "FW-HASH-REPLACED"]
    assert replaced and replaced[0].effect is Effect.INFO
    assert "first boot" in replaced[0].message


def test_nologin_hash_is_info(tmp_path: Path) -> None:
    root = build(tmp_path / "rootfs", NEGATIVE["hash-but-nologin-and-no-service"])
    info = [f for f in scan(root, tmp_path).findings if f.kind == "FW-HASH-NONLOGIN"]
    assert info and info[0].effect is Effect.INFO and info[0].details["account"] == "mqtt"


def test_nologin_account_used_by_luci_is_a_finding(tmp_path: Path) -> None:
    files = dict(NEGATIVE["hash-but-nologin-and-no-service"])
    files["/etc/config/rpcd"] = "config login\n\toption username 'mqtt'\n\toption password '$p$mqtt'\n"
    result = scan(build(tmp_path / "rootfs", files), tmp_path)
    assert "FW-SHADOW-HASH" in fails(result)


def test_factory_provisioned_declaration_turns_hash_into_info(tmp_path: Path) -> None:
    root = build(tmp_path / "rootfs", POSITIVE["shadow-md5"][0])
    result = scan(root, tmp_path, ScanOptions(crack_deadline_s=60, factory_provisioned=True))
    assert "FW-SHADOW-HASH" not in fails(result)
    assert any(f.kind == "FW-HASH-REPLACED" and "factory" in f.message for f in result.findings)
    # the password is still a public default: the cracked finding is informational only
    assert all(f.effect is not Effect.FAIL for f in result.findings if f.kind == "FW-CRACKED-HASH")


def test_empty_tree_needs_evidence(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = scan(tmp_path / "empty", tmp_path)
    assert [f.effect for f in result.findings] == [Effect.NEEDS_EVIDENCE]
    assert result.findings[0].message.startswith("could not extract:")


@pytest.mark.skipif(shutil.which("mksquashfs") is None, reason="mksquashfs (squashfs-tools) not installed")
def test_squashfs_image_is_extracted_and_scanned(tmp_path: Path) -> None:
    root = build(tmp_path / "rootfs", POSITIVE["shadow-md5"][0] | POSITIVE["hostapd"][0])
    image = squashfs(root, tmp_path / "fw.squashfs")
    result = scan(image, tmp_path)
    assert {"FW-SHADOW-HASH", "FW-CONFIG-PASSWORD", "FW-CRACKED-HASH"} <= set(fails(result))
    ev = result.evidence[0]
    assert ev.kind == "firmware" and ev.attributes["files"] == 3
    # hashed while the extractor ran: the same digest as reading the file afterwards
    assert ev.sha256 == hashlib.sha256(image.read_bytes()).hexdigest()


def test_collector_reads_declaration_artefacts(tmp_path: Path) -> None:
    build(tmp_path / "rootfs", POSITIVE["empty-root"][0])
    decl = tmp_path / "product.toml"
    decl.write_text(
        '[product]\nname = "Cam"\ntype = "camera"\nmodel = "C1"\n\n'
        '[[manufacturer]]\nname = "Acme"\naddress = "1 Road, Town"\n\n'
        "[passwords]\nfactory_provisioned = false\n\n"
        '[[artefacts]]\nkind = "rootfs"\npath = "rootfs"\n\n'
        '[[artefacts]]\nkind = "firmware"\npath = "missing.bin"\n'
    )
    loaded = load_declaration(decl, check_artefacts=False)
    work = tmp_path / "w"
    work.mkdir()
    ctx = CollectorContext(
        declaration=loaded, assessed_on=dt.date(2026, 1, 1), work_dir=work, options={"crack_deadline_s": 30}
    )
    c = FirmwareCollector()
    assert c.applies(ctx)
    result = c.collect(ctx)
    assert "FW-EMPTY-PASSWORD" in fails(result)
    assert any(f.effect is Effect.NEEDS_EVIDENCE and "missing.bin" in (f.location.path or "") for f in result.findings)


def _pem_key(encrypted: bool = False) -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    enc = (serialization.BestAvailableEncryption(b"pw") if encrypted else serialization.NoEncryption())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, enc).decode()


def test_pem_private_keys_are_found_with_type_and_cert_only_is_not(tmp_path: Path) -> None:
    cert_only = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n"
    root = build(tmp_path / "rootfs", {
        "/etc/ssl/private/server.key": _pem_key(),
        "/etc/ssl/private/backup.key": _pem_key(encrypted=True),
        "/etc/ssl/certs/ca.pem": cert_only,
        "/usr/share/doc/openssl/example.key": _pem_key(),
    })
    keys = {f.location.path: f for f in scan(root, tmp_path).findings if f.kind == "FW-PRIVATE-KEY"}
    assert set(keys) == {"/etc/ssl/private/server.key", "/etc/ssl/private/backup.key"}
    assert "EC 256-bit" in keys["/etc/ssl/private/server.key"].message
    assert "passphrase-protected" in keys["/etc/ssl/private/backup.key"].message
    assert keys["/etc/ssl/private/server.key"].provisions == ("EN303645-5.4-3",)


def test_service_observations(tmp_path: Path) -> None:
    root = build(tmp_path / "rootfs", {
        "/etc/passwd": PASSWD,
        "/etc/init.d/S50dropbear": "#!/bin/sh\n/usr/sbin/dropbear -B -R\n",
        "/etc/ssh/sshd_config": "PermitRootLogin yes\nPermitEmptyPasswords yes\n",
        "/etc/vsftpd.conf": "anonymous_enable=YES\nlocal_enable=YES\n",
        "/etc/inittab": "ttyS0::respawn:/sbin/getty -L ttyS0 115200 vt100\n",
        "/etc/init.d/S40telnet": "#!/bin/sh\ntelnetd -p 2323 &\n",
    })
    result = scan(root, tmp_path)
    seen = {(f.kind, f.effect) for f in result.findings}
    assert ("FW-BLANK-LOGIN-ALLOWED", Effect.INFO) in seen
    assert ("FW-FTP-ANONYMOUS", Effect.INFO) in seen
    assert ("FW-TELNET-SERVICE", Effect.INFO) in seen
    blank = [f for f in result.findings if f.kind == "FW-BLANK-LOGIN-ALLOWED"]
    assert {f.location.path for f in blank} == {"/etc/init.d/S50dropbear", "/etc/ssh/sshd_config"}
    assert set(result.evidence[0].attributes["login_interfaces"]) == {"console", "ftp", "ssh", "telnet"}


def test_random_firstboot_password_is_evidence_for_1_3_a_to_c(tmp_path: Path) -> None:
    root = build(tmp_path / "rootfs", NEGATIVE["firstboot-random"])
    passes = [f for f in scan(root, tmp_path).findings if f.kind == "FW-FIRSTBOOT-RANDOM"]
    assert passes and passes[0].effect is Effect.PASS
    assert set(passes[0].provisions) == {"PSTI-S1-1.3.a", "PSTI-S1-1.3.b", "PSTI-S1-1.3.c"}
    assert passes[0].location.path == "/etc/init.d/S01firstboot"


def test_keyed_hash_firstboot_password_replaces_the_hash_and_meets_1_3_c(tmp_path: Path) -> None:
    root = build(tmp_path / "rootfs", {
        "/etc/passwd": PASSWD,
        "/etc/shadow": f"root:{md5('admin')}:1::::::\n",
        "/etc/uci-defaults/90-password": "#!/bin/sh\nSERIAL=$(cat /proc/device-tree/serial-number)\n"
        "PW=$(printf %s \"$SERIAL\" | openssl dgst -sha256 -hmac \"$(cat /etc/factory.key)\" | cut -c1-16)\n"
        "echo \"root:$PW\" | chpasswd\n",
    })
    result = scan(root, tmp_path)
    assert not fails(result), [f.message for f in result.findings if f.effect is Effect.FAIL]
    keyed = [f for f in result.findings if f.kind == "FW-FIRSTBOOT-RANDOM"]
    assert keyed and keyed[0].provisions == ("PSTI-S1-1.3.c",)


def test_identifier_derived_firstboot_fails_1_3_c_not_1_2(tmp_path: Path) -> None:
    files = dict(POSITIVE["firstboot-mac"][0])
    files["/etc/shadow"] = f"root:{md5('Zq-91xx!')}:1::::::\n"
    result = scan(build(tmp_path / "rootfs", files), tmp_path)
    failed = {p for f in result.findings if f.effect is Effect.FAIL for p in f.provisions}
    assert "PSTI-S1-1.3.c" in failed and "PSTI-S1-1.2" not in failed
    assert any(f.kind == "FW-HASH-REPLACED" for f in result.findings)


def test_password_hidden_in_a_web_page_cracks_the_shipped_hash(tmp_path: Path) -> None:
    # IoTGoat's documented challenge: a debug page answers with the password Base64-encoded twice
    import base64

    secret = "Xk9-quite-unlisted-pw"
    twice = base64.b64encode(base64.b64encode(secret.encode())).decode()
    root = build(tmp_path / "rootfs", {
        "/etc/passwd": PASSWD + "debug:x:1000:1000::/home/debug:/bin/ash\n",
        "/etc/shadow": f"root:*:1::::::\ndebug:{sha512(secret)}:1::::::\n",
        "/usr/lib/lua/luci/controller/dbg.lua": f'function secret()\n  luci.http.write("{twice}")\nend\n',
    })
    cracked = [f for f in scan(root, tmp_path).findings if f.kind == "FW-CRACKED-HASH"]
    assert cracked and cracked[0].details["plaintext"] == secret
    assert "Base64 twice in /usr/lib/lua/luci/controller/dbg.lua" in cracked[0].details["corpus_source"]


def test_password_from_the_host_name_is_public_information(tmp_path: Path) -> None:
    root = build(tmp_path / "rootfs", {
        "/etc/passwd": PASSWD,
        "/etc/shadow": f"root:{md5('Kestrelcam123')}:1::::::\n",
        "/etc/config/system": "config system\n\toption hostname 'KestrelCam'\n",
        "/etc/config/uhttpd": "config uhttpd main\n\toption admin_password 'acmeadmin'\n",
    })
    result = scan(root, tmp_path, ScanOptions(crack_deadline_s=60, product_words=("Acme Home Camera",)))
    public = {f.details["plaintext"]: f for f in result.findings if f.kind == "FW-PUBLIC-INFO-PASSWORD"}
    assert set(public) == {"Kestrelcam123", "acmeadmin"}
    assert public["Kestrelcam123"].effect is Effect.FAIL
    assert "/etc/config/system" in public["Kestrelcam123"].message
    assert "declaration" in public["acmeadmin"].message
    assert set(public["acmeadmin"].provisions) == {"PSTI-S1-1.3.b", "EN303645-5.1-2"}
