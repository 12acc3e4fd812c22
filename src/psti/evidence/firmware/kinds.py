"""Finding kinds of the firmware credential checks (documentation is generated from this)."""

from __future__ import annotations

from psti.kinds import FindingKind, register_kinds

UNIQUE = ("PSTI-S1-1.2", "EN303645-5.1-1")
GUESSABLE = ("PSTI-S1-1.3.d", "EN303645-5.1-2")
IDENTIFIER = ("PSTI-S1-1.3.c", "EN303645-5.1-2")
HARDCODED = ("EN303645-5.4-3",)

_FIX_UNIQUE = (
    "Ship no usable password in the image: generate a unique random password per unit at "
    "first boot or in the factory (and declare passwords.factory_provisioned), or make the "
    "user set one before the interface can be used; lock the account ('!' or '*') otherwise."
)

KINDS: dict[str, FindingKind] = {
    k.code: k
    for k in (
        FindingKind(
            "FW-SHADOW-HASH",
            "Password hash shipped in the image for a login-capable account",
            "passwd/shadow (and BusyBox/Dropbear equivalents) for accounts with a usable hash, "
            "a login shell or a service that authenticates against them",
            "every unit made from the image carries the same hash, so the same password opens "
            "every unit: a universal default password (Sch 1 para 1(2)).",
            _FIX_UNIQUE,
            UNIQUE,
        ),
        FindingKind(
            "FW-EMPTY-PASSWORD",
            "Login-capable account with an empty password",
            "an empty password field in shadow/passwd for an account that can log in",
            "an empty password is the same on every unit and the first one anyone tries.",
            _FIX_UNIQUE,
            UNIQUE + GUESSABLE,
        ),
        FindingKind(
            "FW-CRACKED-HASH",
            "Password hash recovered from the default-credential corpus",
            "each hash against the shipped corpus of vendor defaults and common passwords, "
            "with libc crypt on every core",
            "a password found in public default lists is guessable (Sch 1 para 1(3)(d)).",
            "Use a per-unit random password of sufficient length; never a vendor or common default.",
            GUESSABLE,
        ),
        FindingKind(
            "FW-PUBLIC-INFO-PASSWORD",
            "Password built from the product's public identity",
            "hashes and plaintexts against the host name, distribution, vendor and product names "
            "(from the image and the declaration) with common suffixes",
            "anyone can read these names off the product, its box or its network name, so a "
            "password built from them is based on public information (Sch 1 para 1(3)(b)).",
            "Use a per-unit random password unrelated to the product's names.",
            ("PSTI-S1-1.3.b", "EN303645-5.1-2"),
        ),
        FindingKind(
            "FW-CONFIG-PASSWORD",
            "Plaintext password in a default-configuration database",
            "NVRAM defaults, OpenWrt UCI, ini/conf files, GoAhead umconfig, hostapd, and vendor "
            "default configurations in XML (elements and attributes) and JSON",
            "a password written into the image is the same on every unit.",
            _FIX_UNIQUE,
            UNIQUE,
        ),
        FindingKind(
            "FW-WEBSERVER-PASSWORD",
            "Password in a web (or MQTT) server's user file",
            "BusyBox httpd / uhttpd httpd.conf, lighttpd plain/htpasswd/htdigest user files, .htpasswd "
            "(mini_httpd), boa, GoAhead (auth.txt) and mosquitto password files",
            "a user file in the image gives every unit the same web (or MQTT) login.",
            _FIX_UNIQUE,
            UNIQUE,
        ),
        FindingKind(
            "FW-WEBUI-PASSWORD",
            "Default password in web-UI code",
            "default user/password variables, client-side password comparisons and password-field "
            "defaults in JavaScript, HTML, ASP, Lua and CGI pages",
            "a password written into the web interface is the same on every unit, and anyone can "
            "read it from the page.",
            _FIX_UNIQUE,
            UNIQUE,
        ),
        FindingKind(
            "FW-GUESSABLE-PASSWORD",
            "Plaintext password that is a known default or common password",
            "plaintext passwords against the default-credential corpus and common-password list",
            "a password found in public lists is guessable (Sch 1 para 1(3)(d)).",
            "Use a per-unit random password; never a vendor or common default.",
            GUESSABLE,
        ),
        FindingKind(
            "FW-SCRIPT-PASSWORD",
            "Init script sets a fixed password",
            "chpasswd/passwd calls with a literal password in init and first-boot scripts",
            "the script gives every unit the same password.",
            "Generate the password per unit (e.g. from /dev/urandom) or leave it to the user.",
            UNIQUE,
        ),
        FindingKind(
            "FW-BINARY-PASSWORD",
            "Password compiled into a program or raw firmware",
            "read-only data of ELF programs and raw firmware: corpus user/password pairs side by "
            "side, and password-like strings beside a login or password prompt",
            "a password compiled into the firmware is the same on every unit.",
            "Remove the compiled-in password; authenticate against a per-unit secret.",
            UNIQUE,
        ),
        FindingKind(
            "FW-BINARY-COMPARED-PASSWORD",
            "Program compares its input with a compiled-in password",
            "the constant strings a dynamically linked program (x86-64, ARM32/Thumb, AArch64, MIPS32) passes to "
            "strcmp/strncmp/strcasecmp/memcmp/strstr on an authentication path: a user name and a password "
            "compared one after the other, a constant compared with the value read for a password field, or "
            "an HTTP Basic token",
            "whoever knows the constant logs in to every unit made from the image: a universal default "
            "password, even when it is in no public list and no prompt sits beside it.",
            "Remove the compiled-in check; authenticate against a per-unit secret set in the factory or by "
            "the user.",
            UNIQUE,
        ),
        FindingKind(
            "FW-URL-CREDENTIALS",
            "Credentials embedded in a URL",
            "user:password@host URLs in configuration, scripts and binaries",
            "hard-coded credentials for a remote service are shared by every unit (EN 303 645 5.4-3).",
            "Provision per-unit credentials for remote services, or use token enrolment.",
            HARDCODED,
        ),
        FindingKind(
            "FW-PRIVATE-KEY",
            "Private key shipped in the image",
            "PEM/OpenSSH/PKCS#8 private keys and Dropbear host keys in the file system",
            "a key in the image is shared by every unit: a hard-coded critical security "
            "parameter (EN 303 645 5.4-3). A key is not a password under Sch 1 para 1(4)(a).",
            "Generate keys on the device at first boot or inject them per unit in the factory.",
            HARDCODED,
        ),
        FindingKind(
            "FW-TELNET-NOAUTH",
            "Telnet gives a shell without authentication",
            "telnetd started with -l /bin/sh (or another shell) in init scripts or inittab",
            "anyone on the network gets a shell with no password at all (EN 303 645 5.5-5).",
            "Remove telnetd, or run it with /bin/login behind a per-unit password.",
            ("EN303645-5.5-5",),
        ),
        FindingKind(
            "FW-NETWORK-ROOT-NO-PASSWORD",
            "Superuser without a password behind a network login service",
            "a uid-0 account with an empty password field while telnet (with login) is started "
            "at boot, or SSH allows blank-password logins",
            "anyone on the network logs in as the superuser without a password. A product that "
            "uses no password at all is outside Sch 1 para 1, but EN 303 645 5.1 and 5.5 still "
            "apply: network functions must require authentication (5.5-4, 5.5-5).",
            "Give the account a per-unit or user-set password, or stop the network login service.",
            ("EN303645-5.5-4", "EN303645-5.5-5"),
        ),
        FindingKind(
            "FW-TELNET-SERVICE",
            "Telnet server started at boot",
            "telnetd started by init scripts, rc.local or inittab",
            "telnet sends passwords in clear and is a common way in for botnets such as Mirai; "
            "every account with a password becomes reachable over the network.",
            "Disable telnet (EN 303 645 5.6-1) or replace it with SSH.",
            (),
        ),
        FindingKind(
            "FW-FTP-ANONYMOUS",
            "Anonymous FTP enabled",
            "vsftpd anonymous_enable, ProFTPD <Anonymous> blocks",
            "network access without authentication (EN 303 645 5.5-4).",
            "Disable anonymous FTP unless it is the product's purpose.",
            (),
        ),
        FindingKind(
            "FW-BLANK-LOGIN-ALLOWED",
            "SSH server allows empty passwords",
            "dropbear -B, sshd PermitEmptyPasswords yes",
            "combined with an empty password field this opens the device to anyone.",
            "Do not allow blank-password logins.",
            (),
        ),
        FindingKind(
            "FW-EXTRA-UID0",
            "Additional account with uid 0",
            "passwd entries other than root with uid 0",
            "a second superuser is often a vendor maintenance account.",
            "Remove it or make sure its password is per unit.",
            (),
        ),
        FindingKind(
            "FW-HASH-NONLOGIN",
            "Password hash on an account that cannot log in",
            "accounts with a hash but a nologin shell and no service using them",
            "not a usable password, but worth removing.",
            "Lock the account with '!' or '*'.",
            (),
        ),
        FindingKind(
            "FW-HASH-REPLACED",
            "Shipped hash is replaced per unit",
            "first-boot scripts that set a generated password, or a declaration that "
            "passwords are provisioned per unit in the factory",
            "the hash in the image never reaches a customer, so it is not a universal password.",
            "Nothing to fix; keep the first-boot script or factory step.",
            (),
        ),
        FindingKind(
            "FW-FIRSTBOOT-DERIVED",
            "First-boot password derived from a device identifier",
            "first-boot scripts that compute the password from the MAC address or serial number without a keyed hash",
            "identifiers are public or guessable, so the password is too (Sch 1 para 1(3)(c)).",
            "Derive it with a keyed hash (HMAC with a per-product secret) or generate it randomly.",
            IDENTIFIER,
        ),
        FindingKind(
            "FW-FIRSTBOOT-RANDOM",
            "First-boot password generated per unit",
            "first-boot scripts that set the password from a random source (/dev/urandom, "
            "openssl rand) or a keyed hash of an identifier",
            "a random per-unit password is not a counter, not public information and not "
            "derived from an identifier (Sch 1 para 1(3)(a)-(c)); a keyed hash meets (c).",
            "Nothing to fix; keep the generator and its entropy source.",
            ("PSTI-S1-1.3.a", "PSTI-S1-1.3.b", "PSTI-S1-1.3.c"),
        ),
        FindingKind(
            "FW-WIFI-CLIENT-PSK",
            "Wi-Fi client network key in the image",
            "wpa_supplicant network blocks with a psk",
            "a credential for some other network; not the product's own password.",
            "Remove example or factory network blocks from the image.",
            (),
        ),
        FindingKind(
            "FW-HASH-UNCHECKED",
            "Hash could not be checked against the corpus",
            "hash types libc crypt cannot verify, or slow hashes beyond the time budget",
            "the hash is still universal; only guessability is unknown.",
            "—",
            (),
        ),
        FindingKind(
            "FW-NO-UNIVERSAL-PASSWORD",
            "No universal password found",
            "all the sources above",
            "evidence for Sch 1 para 1(2).",
            "—",
            UNIQUE,
        ),
        FindingKind(
            "FW-NO-GUESSABLE-PASSWORD",
            "No guessable password found",
            "hashes and plaintexts against the corpus",
            "evidence for Sch 1 para 1(3)(d).",
            "—",
            GUESSABLE,
        ),
        FindingKind(
            "FW-NO-PRIVATE-KEY",
            "No private key found",
            "PEM/OpenSSH/Dropbear private keys",
            "evidence for EN 303 645 5.4-3.",
            "—",
            HARDCODED,
        ),
        FindingKind(
            "FW-NOT-EXAMINED",
            "Firmware could not be examined",
            "extraction of the image",
            "without the file system nothing can be said about its passwords.",
            "Supply the extracted root file system, or an image format psti can unpack.",
            UNIQUE + GUESSABLE,
        ),
    )
}

register_kinds(KINDS.values())
