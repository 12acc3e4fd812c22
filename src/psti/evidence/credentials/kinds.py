"""Finding kinds of the password-batch collector (code, title, what, why, how to fix)."""

from __future__ import annotations

from psti.kinds import FindingKind, register_kinds

P_UNIQUE = ("PSTI-S1-1.2", "EN303645-5.1-1")
P_COUNTER = ("PSTI-S1-1.3.a", "EN303645-5.1-2")
P_PUBLIC = ("PSTI-S1-1.3.b", "EN303645-5.1-2")
P_IDENT = ("PSTI-S1-1.3.c", "EN303645-5.1-2")
P_GUESS = ("PSTI-S1-1.3.d", "EN303645-5.1-2")
ALL = ("PSTI-S1-1.2", "PSTI-S1-1.3.a", "PSTI-S1-1.3.b", "PSTI-S1-1.3.c", "PSTI-S1-1.3.d",
       "EN303645-5.1-1", "EN303645-5.1-2")  # fmt: skip

_UNIQUE_WHY = (
    "Schedule 1 para 1(2)-(3): a password must be unique per product or defined by the user. "
    "A password that two units share is a universal password, whatever its strength."
)
_COUNTER_WHY = "Schedule 1 para 1(3)(a): unique passwords must not be based on incremental counters."
_PUBLIC_WHY = (
    "Schedule 1 para 1(3)(b): unique passwords must not be based on or derived from publicly "
    "available information (vendor, model, product name, broadcast SSID)."
)
_IDENT_WHY = (
    "Schedule 1 para 1(3)(c): unique passwords must not be based on or derived from unique product "
    "identifiers such as serial numbers, unless by encryption or keyed hashing accepted as good "
    "industry practice. An unkeyed hash (MD5, SHA-1, SHA-256, CRC32) of a serial is not keyed: "
    "anyone who reads the label can compute it."
)
_GUESS_WHY = "Schedule 1 para 1(3)(d): unique passwords must not be in a form that is otherwise guessable."
_RANDOM_FIX = (
    "Generate each password from a cryptographically secure random source (e.g. 12+ characters "
    "from a 32+ symbol alphabet, or 4+ words from a large list), or as HMAC-SHA256 of the serial "
    "under a secret key held in an HSM, encoded to 12+ characters."
)

KINDS: dict[str, FindingKind] = {
    k.code: k
    for k in [
        FindingKind("PWB-UNIQUE", "Every password in the batch is distinct",
                    "Exact duplicates of the password column over the whole batch.",
                    _UNIQUE_WHY, "Nothing to do.", P_UNIQUE),
        FindingKind("PWB-DUPLICATE", "Units share a password",
                    "Exact duplicates of the password column over the whole batch, with the number "
                    "of units affected and the largest group. Birthday collisions of short random "
                    "passwords are real duplicates too.",
                    _UNIQUE_WHY,
                    "Re-provision the affected units; generate longer passwords and reject a "
                    "password already issued before writing it to a unit.", P_UNIQUE),
        FindingKind("PWB-NO-COUNTER", "No incremental counter in the passwords",
                    "Passwords grouped by the text around their last decimal or hex number; no "
                    "group's numbers advance by a small constant stride.", _COUNTER_WHY,
                    "Nothing to do.", P_COUNTER),
        FindingKind("PWB-COUNTER", "Passwords follow an incremental counter",
                    "Passwords that share a template (the text around their decimal or hex digits) "
                    "and whose numbers, sorted, step by a constant stride (at most 1,000; 5+ units, "
                    "4+ equal steps), whether or not the file is sorted; the step in file order and "
                    "between units with consecutive serials is reported. Also, per the statutory "
                    "definition (para 1(5)), 1%+ of the batch identical except for up to 6 characters.",
                    _COUNTER_WHY, _RANDOM_FIX, P_COUNTER),
        FindingKind("PWB-NO-PUBLIC-INFO", "Passwords not based on public information",
                    "Vendor, brand, model, product name and SSID pattern strings from the declaration, "
                    "and any SSID column, compared with every password (case, separators and common "
                    "character substitutions ignored), against the rate expected by chance.",
                    _PUBLIC_WHY, "Nothing to do.", P_PUBLIC),
        FindingKind("PWB-PUBLIC-INFO", "Passwords are based on public information",
                    "Passwords that contain a public string far more often than chance, or are "
                    "derived from the broadcast SSID.", _PUBLIC_WHY, _RANDOM_FIX, P_PUBLIC),
        FindingKind("PWB-NO-PUBLIC-STRINGS", "No public information to compare with",
                    "Whether the vendor, brand, model, product name or SSID patterns are known "
                    "(from the declaration or --public/--ssid-pattern) or the batch has an SSID column.",
                    _PUBLIC_WHY,
                    "Give the product declaration (psti creds --declaration) or the public strings "
                    "with --public and --ssid-pattern.", P_PUBLIC),
        FindingKind("PWB-NOT-IDENTIFIER-DERIVED", "Passwords not derived from identifiers",
                    "Transformations of serial, MAC, IMEI and other identifier columns (equal, "
                    "substring, reversed, case, separators, last characters, offsets, hex, base64, "
                    "unkeyed MD5/SHA-1/SHA-256/CRC32 truncated to the password length) searched on "
                    "a sample and a whole-batch reservoir, confirmed over the whole batch.",
                    _IDENT_WHY, "Nothing to do.", P_IDENT),
        FindingKind("PWB-IDENTIFIER-DERIVED", "Passwords are derived from a unique identifier",
                    "A transformation of an identifier column that reproduces the password for a "
                    "share of the batch, or units whose password equals an identifier.",
                    _IDENT_WHY, _RANDOM_FIX, P_IDENT),
        FindingKind("PWB-NO-IDENTIFIERS", "The batch has no identifier column",
                    "Whether the batch lists serial numbers, MAC addresses, IMEIs or other identifiers.",
                    _IDENT_WHY,
                    "Export the serial, MAC and IMEI with each password (or name the columns with "
                    "--serial-col, --mac-col, --imei-col, --id-col) so derivation can be tested.",
                    P_IDENT),
        FindingKind("PWB-NOT-GUESSABLE", "Passwords are not guessable",
                    "Length, common-password and dictionary lists, a zxcvbn estimate on a random "
                    "sample, the generator's entropy bound and per-position character frequencies.",
                    _GUESS_WHY, "Nothing to do.", P_GUESS),
        FindingKind("PWB-SHORT", "Passwords are too short or empty",
                    "Passwords shorter than the minimum length (8 by default), and empty passwords.",
                    _GUESS_WHY, _RANDOM_FIX, P_GUESS),
        FindingKind("PWB-COMMON", "Passwords in a common-password list",
                    "Passwords found (case-insensitively) in the shipped list of 10,000 common "
                    "leaked passwords or the default-credential corpus.", _GUESS_WHY, _RANDOM_FIX, P_GUESS),
        FindingKind("PWB-DICTIONARY", "Passwords are a dictionary word with decoration",
                    "Passwords that are a common password or an English word of 5+ letters once "
                    "digits and punctuation at either end (up to 4 characters) and common letter "
                    "substitutions are undone.", _GUESS_WHY, _RANDOM_FIX, P_GUESS),
        FindingKind("PWB-WEAK-ESTIMATE", "Weak strength estimate",
                    "zxcvbn score of a random sample of passwords (with the public strings and the "
                    "unit's identifiers as user inputs) below the minimum score (3 by default); fails when "
                    "more than 1% of the sample does, otherwise informational.",
                    _GUESS_WHY, _RANDOM_FIX, P_GUESS),
        FindingKind("PWB-LOW-ENTROPY", "The generator has too little entropy",
                    "Upper bound of the generator's entropy: the entropy of the length plus the sum "
                    "of per-position character entropies, compared with the minimum (40 bits by "
                    "default). An upper bound below the minimum proves the passwords guessable.",
                    _GUESS_WHY, _RANDOM_FIX, P_GUESS),
        FindingKind("PWB-CHAR-BIAS", "Characters are not uniformly distributed",
                    "Chi-square test of uniformity at each character position (per length), with a "
                    "Bonferroni-corrected significance level; fails when the bias of a fixed-length "
                    "generator costs 10% or more of its entropy, otherwise informational.",
                    _GUESS_WHY,
                    "Draw each character with a uniform CSPRNG choice (e.g. `secrets.choice`), not "
                    "`byte % len(alphabet)` or a weak PRNG.", P_GUESS),
        FindingKind("PWB-UNREADABLE", "Password batch cannot be examined",
                    "Whether the declared password-batch artefact can be read and parsed.",
                    "Without the batch, none of Schedule 1 para 1(2)-(3) can be shown for per-device "
                    "passwords.", "Fix the file as the message says (encoding, columns, ragged rows).",
                    ALL),
        FindingKind("PWB-SUMMARY", "Password batch summary",
                    "Rows, columns used, password lengths and how the batch was read.",
                    "Context for the other findings.", "Nothing to do.", ()),
    ]
}  # fmt: skip

register_kinds(KINDS.values())

# Derivations found from what the data shows (dependence, identifiers in clear, counters with
# check digits or hidden among random characters, formulas, published schemes).
_DEP_FIX = (
    "Do not compute passwords from identifiers. Draw each from a CSPRNG, or derive it with a "
    "keyed function (HMAC-SHA256 under a secret key held in an HSM) and encode 12+ characters."
)
_SSID_WHY = (
    "Schedule 1 para 1(3)(b): the broadcast SSID is public. A password computed from the same "
    "input as the SSID, or from the SSID itself, can be recomputed by anyone in radio range."
)
DERIVED_KINDS: dict[str, FindingKind] = {
    k.code: k
    for k in [
        FindingKind("PWB-DEPENDENCE", "Password characters depend on identifier characters",
                    "Mutual information between each password position and each character of each "
                    "identifier column (also a MAC's last hex digits as decimal, a serial's digits as "
                    "hex), G-test with a Bonferroni correction and a 0.1-bit effect floor, searched on "
                    "a sample and confirmed on every row; for numeric passwords, the rank correlation "
                    "of the password with each identifier as a number.",
                    _IDENT_WHY, _DEP_FIX, P_IDENT),
        FindingKind("PWB-PUBLIC-DEPENDENCE", "Password characters depend on the broadcast SSID",
                    "The dependence test of PWB-DEPENDENCE, against the SSID or another public column.",
                    _SSID_WHY, _DEP_FIX, P_PUBLIC),
        FindingKind("PWB-IDENTIFIER-IN-CLEAR", "Identifier characters appear in the passwords",
                    "Runs of 3+ characters of an identifier (any case, reversed, hex converted to "
                    "decimal or decimal to hex) at a consistent position in the password, far more "
                    "often than when each password is paired with another unit's identifier.",
                    _IDENT_WHY, _DEP_FIX, P_IDENT),
        FindingKind("PWB-PUBLIC-IN-CLEAR", "SSID characters appear in the passwords",
                    "Runs of 3+ characters of the SSID at a consistent position in the password.",
                    _SSID_WHY, _DEP_FIX, P_PUBLIC),
        FindingKind("PWB-CHECK-DIGIT-COUNTER", "Numeric passwords are a counter with a check digit",
                    "Numeric passwords whose last digit is a check digit (Luhn, WPS/EAN, mod-11, digit "
                    "sum) for 90%+ of the sample, and whose digits before it step by a constant stride "
                    "over the whole batch once sorted.", _COUNTER_WHY, _RANDOM_FIX, P_COUNTER),
        FindingKind("PWB-HIDDEN-COUNTER", "A counter hides among the password characters",
                    "Password positions that, in serial (or file) order, step by a constant from one "
                    "unit to the next, read with the positions that mostly stay the same as one number "
                    "that steps by a constant stride over the whole batch.",
                    _COUNTER_WHY, _RANDOM_FIX, P_COUNTER),
        FindingKind("PWB-FORMULA", "Passwords follow a formula of the identifiers",
                    "A bounded search over concatenations and simple transforms of the identifier "
                    "columns and public strings, through no hash, MD5, SHA-1, SHA-2 or CRC-32, then "
                    "hex, base32, base64 or decimal and a fixed window; found on a sample within a "
                    "time budget and confirmed on every row. The finding names the formula.",
                    _IDENT_WHY, _DEP_FIX, P_IDENT),
        FindingKind("PWB-SAME-SOURCE", "The SSID and the password are cut from one unkeyed digest",
                    "For a formula found for the password, whether the broadcast SSID's variable part "
                    "is another window of the same digest of the same identifier.",
                    _SSID_WHY + " " + _IDENT_WHY, _DEP_FIX, ("PSTI-S1-1.3.b", "PSTI-S1-1.3.c", "EN303645-5.1-2")),
        FindingKind("PWB-PUBLISHED-SCHEME", "Passwords follow a published vendor default-key scheme",
                    "Vendor default-key and default-PIN schemes that key-recovery tools publish (WPS "
                    "PIN from the MAC, D-Link and EasyBox schemes, Thomson/SpeedTouch SHA-1 of the "
                    "serial), computed from the unit's MAC (and its neighbours) or serial and compared "
                    "with the password; and whether the SSID is the same scheme's output.",
                    _IDENT_WHY, _DEP_FIX, P_IDENT),
        FindingKind("PWB-DERIVATION-SEARCH", "What the derivation search covered",
                    "Rows sampled, tests and formulas tried, and time spent by each derivation search.",
                    "Context for the derivation findings: a keyed derivation (HMAC with a secret key) "
                    "is indistinguishable from random by design, so no finding is not proof of one.",
                    "Nothing to do.", ()),
    ]
}  # fmt: skip

register_kinds(DERIVED_KINDS.values())
KINDS.update(DERIVED_KINDS)
