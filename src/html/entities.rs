//! HTML character references: decoding for text and attribute values.
//!
//! lol_html hands text and attribute values over as written in the source
//! (`&amp;` stays `&amp;`). We decode them, check and measure the decoded
//! value, and re-escape everything we output, so what the sanitizer checked
//! is exactly what the browser sees: an entity we do not know stays
//! literal text (`&foo;` is output as `&amp;foo;`), never markup.

/// Named references: the HTML 4 set plus the HTML 5 names that matter for
/// text and for URL-smuggling vectors (`javascript&colon;`, `&Tab;`).
/// Sorted by name for binary search.
static NAMED: &[(&str, &str)] = &[
    ("AElig", "\u{c6}"),
    ("Aacute", "\u{c1}"),
    ("Acirc", "\u{c2}"),
    ("Agrave", "\u{c0}"),
    ("Alpha", "\u{391}"),
    ("Aring", "\u{c5}"),
    ("Atilde", "\u{c3}"),
    ("Auml", "\u{c4}"),
    ("Beta", "\u{392}"),
    ("Ccedil", "\u{c7}"),
    ("Chi", "\u{3a7}"),
    ("Dagger", "\u{2021}"),
    ("Delta", "\u{394}"),
    ("ETH", "\u{d0}"),
    ("Eacute", "\u{c9}"),
    ("Ecirc", "\u{ca}"),
    ("Egrave", "\u{c8}"),
    ("Epsilon", "\u{395}"),
    ("Eta", "\u{397}"),
    ("Euml", "\u{cb}"),
    ("Gamma", "\u{393}"),
    ("Iacute", "\u{cd}"),
    ("Icirc", "\u{ce}"),
    ("Igrave", "\u{cc}"),
    ("Iota", "\u{399}"),
    ("Iuml", "\u{cf}"),
    ("Kappa", "\u{39a}"),
    ("Lambda", "\u{39b}"),
    ("Mu", "\u{39c}"),
    ("NewLine", "\u{a}"),
    ("Ntilde", "\u{d1}"),
    ("Nu", "\u{39d}"),
    ("OElig", "\u{152}"),
    ("Oacute", "\u{d3}"),
    ("Ocirc", "\u{d4}"),
    ("Ograve", "\u{d2}"),
    ("Omega", "\u{3a9}"),
    ("Omicron", "\u{39f}"),
    ("Oslash", "\u{d8}"),
    ("Otilde", "\u{d5}"),
    ("Ouml", "\u{d6}"),
    ("Phi", "\u{3a6}"),
    ("Pi", "\u{3a0}"),
    ("Prime", "\u{2033}"),
    ("Psi", "\u{3a8}"),
    ("Rho", "\u{3a1}"),
    ("Scaron", "\u{160}"),
    ("Sigma", "\u{3a3}"),
    ("THORN", "\u{de}"),
    ("Tab", "\u{9}"),
    ("Tau", "\u{3a4}"),
    ("Theta", "\u{398}"),
    ("Uacute", "\u{da}"),
    ("Ucirc", "\u{db}"),
    ("Ugrave", "\u{d9}"),
    ("Upsilon", "\u{3a5}"),
    ("Uuml", "\u{dc}"),
    ("Xi", "\u{39e}"),
    ("Yacute", "\u{dd}"),
    ("Yuml", "\u{178}"),
    ("Zeta", "\u{396}"),
    ("aacute", "\u{e1}"),
    ("acirc", "\u{e2}"),
    ("acute", "\u{b4}"),
    ("aelig", "\u{e6}"),
    ("agrave", "\u{e0}"),
    ("alefsym", "\u{2135}"),
    ("alpha", "\u{3b1}"),
    ("amp", "\u{26}"),
    ("and", "\u{2227}"),
    ("ang", "\u{2220}"),
    ("apos", "\u{27}"),
    ("aring", "\u{e5}"),
    ("ast", "\u{2a}"),
    ("asymp", "\u{2248}"),
    ("atilde", "\u{e3}"),
    ("auml", "\u{e4}"),
    ("bdquo", "\u{201e}"),
    ("beta", "\u{3b2}"),
    ("brvbar", "\u{a6}"),
    ("bsol", "\u{5c}"),
    ("bull", "\u{2022}"),
    ("cap", "\u{2229}"),
    ("ccedil", "\u{e7}"),
    ("cedil", "\u{b8}"),
    ("cent", "\u{a2}"),
    ("chi", "\u{3c7}"),
    ("circ", "\u{2c6}"),
    ("clubs", "\u{2663}"),
    ("colon", "\u{3a}"),
    ("comma", "\u{2c}"),
    ("cong", "\u{2245}"),
    ("copy", "\u{a9}"),
    ("crarr", "\u{21b5}"),
    ("cup", "\u{222a}"),
    ("curren", "\u{a4}"),
    ("dArr", "\u{21d3}"),
    ("dagger", "\u{2020}"),
    ("darr", "\u{2193}"),
    ("dash", "\u{2010}"),
    ("deg", "\u{b0}"),
    ("delta", "\u{3b4}"),
    ("diams", "\u{2666}"),
    ("divide", "\u{f7}"),
    ("dollar", "\u{24}"),
    ("eacute", "\u{e9}"),
    ("ecirc", "\u{ea}"),
    ("egrave", "\u{e8}"),
    ("empty", "\u{2205}"),
    ("emsp", "\u{2003}"),
    ("ensp", "\u{2002}"),
    ("epsilon", "\u{3b5}"),
    ("equals", "\u{3d}"),
    ("equiv", "\u{2261}"),
    ("eta", "\u{3b7}"),
    ("eth", "\u{f0}"),
    ("euml", "\u{eb}"),
    ("euro", "\u{20ac}"),
    ("excl", "\u{21}"),
    ("exist", "\u{2203}"),
    ("fnof", "\u{192}"),
    ("forall", "\u{2200}"),
    ("frac12", "\u{bd}"),
    ("frac14", "\u{bc}"),
    ("frac34", "\u{be}"),
    ("frasl", "\u{2044}"),
    ("gamma", "\u{3b3}"),
    ("ge", "\u{2265}"),
    ("grave", "\u{60}"),
    ("gt", "\u{3e}"),
    ("hArr", "\u{21d4}"),
    ("half", "\u{bd}"),
    ("harr", "\u{2194}"),
    ("hearts", "\u{2665}"),
    ("hellip", "\u{2026}"),
    ("hyphen", "\u{2010}"),
    ("iacute", "\u{ed}"),
    ("icirc", "\u{ee}"),
    ("iexcl", "\u{a1}"),
    ("igrave", "\u{ec}"),
    ("image", "\u{2111}"),
    ("infin", "\u{221e}"),
    ("int", "\u{222b}"),
    ("iota", "\u{3b9}"),
    ("iquest", "\u{bf}"),
    ("isin", "\u{2208}"),
    ("iuml", "\u{ef}"),
    ("kappa", "\u{3ba}"),
    ("lArr", "\u{21d0}"),
    ("lambda", "\u{3bb}"),
    ("lang", "\u{2329}"),
    ("laquo", "\u{ab}"),
    ("larr", "\u{2190}"),
    ("lbrack", "\u{5b}"),
    ("lceil", "\u{2308}"),
    ("lcub", "\u{7b}"),
    ("ldquo", "\u{201c}"),
    ("le", "\u{2264}"),
    ("lfloor", "\u{230a}"),
    ("lowast", "\u{2217}"),
    ("lowbar", "\u{5f}"),
    ("loz", "\u{25ca}"),
    ("lpar", "\u{28}"),
    ("lrm", "\u{200e}"),
    ("lsaquo", "\u{2039}"),
    ("lsquo", "\u{2018}"),
    ("lt", "\u{3c}"),
    ("macr", "\u{af}"),
    ("mdash", "\u{2014}"),
    ("micro", "\u{b5}"),
    ("middot", "\u{b7}"),
    ("minus", "\u{2212}"),
    ("mu", "\u{3bc}"),
    ("nabla", "\u{2207}"),
    ("nbsp", "\u{a0}"),
    ("ndash", "\u{2013}"),
    ("ne", "\u{2260}"),
    ("ni", "\u{220b}"),
    ("not", "\u{ac}"),
    ("notin", "\u{2209}"),
    ("nsub", "\u{2284}"),
    ("ntilde", "\u{f1}"),
    ("nu", "\u{3bd}"),
    ("num", "\u{23}"),
    ("oacute", "\u{f3}"),
    ("ocirc", "\u{f4}"),
    ("oelig", "\u{153}"),
    ("ograve", "\u{f2}"),
    ("oline", "\u{203e}"),
    ("omega", "\u{3c9}"),
    ("omicron", "\u{3bf}"),
    ("oplus", "\u{2295}"),
    ("or", "\u{2228}"),
    ("ordf", "\u{aa}"),
    ("ordm", "\u{ba}"),
    ("oslash", "\u{f8}"),
    ("otilde", "\u{f5}"),
    ("otimes", "\u{2297}"),
    ("ouml", "\u{f6}"),
    ("para", "\u{b6}"),
    ("part", "\u{2202}"),
    ("percnt", "\u{25}"),
    ("period", "\u{2e}"),
    ("permil", "\u{2030}"),
    ("perp", "\u{22a5}"),
    ("phi", "\u{3c6}"),
    ("pi", "\u{3c0}"),
    ("piv", "\u{3d6}"),
    ("plus", "\u{2b}"),
    ("plusmn", "\u{b1}"),
    ("pound", "\u{a3}"),
    ("prime", "\u{2032}"),
    ("prod", "\u{220f}"),
    ("prop", "\u{221d}"),
    ("psi", "\u{3c8}"),
    ("quest", "\u{3f}"),
    ("quot", "\u{22}"),
    ("rArr", "\u{21d2}"),
    ("radic", "\u{221a}"),
    ("rang", "\u{232a}"),
    ("raquo", "\u{bb}"),
    ("rarr", "\u{2192}"),
    ("rbrack", "\u{5d}"),
    ("rceil", "\u{2309}"),
    ("rcub", "\u{7d}"),
    ("rdquo", "\u{201d}"),
    ("real", "\u{211c}"),
    ("reg", "\u{ae}"),
    ("rfloor", "\u{230b}"),
    ("rho", "\u{3c1}"),
    ("rlm", "\u{200f}"),
    ("rpar", "\u{29}"),
    ("rsaquo", "\u{203a}"),
    ("rsquo", "\u{2019}"),
    ("sbquo", "\u{201a}"),
    ("scaron", "\u{161}"),
    ("sdot", "\u{22c5}"),
    ("sect", "\u{a7}"),
    ("semi", "\u{3b}"),
    ("shy", "\u{ad}"),
    ("sigma", "\u{3c3}"),
    ("sigmaf", "\u{3c2}"),
    ("sim", "\u{223c}"),
    ("sol", "\u{2f}"),
    ("spades", "\u{2660}"),
    ("sub", "\u{2282}"),
    ("sube", "\u{2286}"),
    ("sum", "\u{2211}"),
    ("sup", "\u{2283}"),
    ("sup1", "\u{b9}"),
    ("sup2", "\u{b2}"),
    ("sup3", "\u{b3}"),
    ("supe", "\u{2287}"),
    ("szlig", "\u{df}"),
    ("tau", "\u{3c4}"),
    ("there4", "\u{2234}"),
    ("theta", "\u{3b8}"),
    ("thetasym", "\u{3d1}"),
    ("thinsp", "\u{2009}"),
    ("thorn", "\u{fe}"),
    ("tilde", "\u{2dc}"),
    ("times", "\u{d7}"),
    ("trade", "\u{2122}"),
    ("uArr", "\u{21d1}"),
    ("uacute", "\u{fa}"),
    ("uarr", "\u{2191}"),
    ("ucirc", "\u{fb}"),
    ("ugrave", "\u{f9}"),
    ("uml", "\u{a8}"),
    ("upsih", "\u{3d2}"),
    ("upsilon", "\u{3c5}"),
    ("uuml", "\u{fc}"),
    ("verbar", "\u{7c}"),
    ("weierp", "\u{2118}"),
    ("xi", "\u{3be}"),
    ("yacute", "\u{fd}"),
    ("yen", "\u{a5}"),
    ("yuml", "\u{ff}"),
    ("zeta", "\u{3b6}"),
    ("zwj", "\u{200d}"),
    ("zwnj", "\u{200c}"),
];

/// Windows-1252 meanings of `&#128;`..`&#159;` (the HTML spec's remap).
const C1_REMAP: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

/// Names decoded even without the `;` (the legacy ones pages really use).
const LEGACY_NO_SEMICOLON: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

fn lookup(name: &str) -> Option<&'static str> {
    NAMED.binary_search_by(|(k, _)| (*k).cmp(name)).ok().map(|i| NAMED[i].1)
}

fn numeric(v: u32) -> char {
    let v = match v {
        0 => 0xFFFD,
        0x80..=0x9F => C1_REMAP[(v - 0x80) as usize],
        _ => v,
    };
    char::from_u32(v).unwrap_or('\u{FFFD}')
}

/// Decodes character references in `s`. Returns the input borrowed when it
/// has no `&` (the common case: no allocation).
pub(crate) fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        if b[i] != b'&' {
            i += 1;
            continue;
        }
        out.push_str(&s[last..i]);
        let rest = &s[i + 1..];
        let (consumed, decoded) = decode_one(rest);
        match decoded {
            Some(d) => {
                out.push_str(d.as_str());
                i += 1 + consumed;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
        last = i;
    }
    out.push_str(&s[last..]);
    std::borrow::Cow::Owned(out)
}

/// A decoded reference: one char or a static string.
enum Decoded {
    Char(char, [u8; 4]),
    Str(&'static str),
}
impl Decoded {
    fn as_str(&self) -> &str {
        match self {
            Decoded::Char(c, buf) => {
                let n = c.len_utf8();
                std::str::from_utf8(&buf[..n]).unwrap_or("\u{FFFD}")
            }
            Decoded::Str(s) => s,
        }
    }
}

fn decode_one(rest: &str) -> (usize, Option<Decoded>) {
    let b = rest.as_bytes();
    if b.first() == Some(&b'#') {
        let (hex, start) = match b.get(1) {
            Some(b'x') | Some(b'X') => (true, 2),
            _ => (false, 1),
        };
        let mut stop = start;
        let mut value: u32 = 0;
        while stop < b.len() {
            let d = match (hex, b[stop]) {
                (true, c) if c.is_ascii_hexdigit() => (c as char).to_digit(16).unwrap_or(0),
                (false, c) if c.is_ascii_digit() => (c - b'0') as u32,
                _ => break,
            };
            // Saturate: any value past U+10FFFF decodes to U+FFFD anyway.
            value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d).min(0x11_0000);
            stop += 1;
        }
        if stop == start {
            return (0, None);
        }
        let c = numeric(value);
        let consumed = if b.get(stop) == Some(&b';') { stop + 1 } else { stop };
        let mut buf = [0u8; 4];
        c.encode_utf8(&mut buf);
        return (consumed, Some(Decoded::Char(c, buf)));
    }
    let mut end = 0;
    while end < b.len() && end < 32 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == 0 {
        return (0, None);
    }
    let name = &rest[..end];
    if b.get(end) == Some(&b';') {
        if let Some(v) = lookup(name) {
            return (end + 1, Some(Decoded::Str(v)));
        }
        return (0, None);
    }
    // No semicolon: the legacy names, longest prefix first (`&ampx` → `&x`).
    for legacy in LEGACY_NO_SEMICOLON {
        if name.starts_with(legacy) {
            if let Some(v) = lookup(legacy) {
                return (legacy.len(), Some(Decoded::Str(v)));
            }
        }
    }
    (0, None)
}

#[cfg(test)]
mod tests {
    use super::decode;
    #[test]
    fn decodes() {
        assert_eq!(decode("a &amp; b &lt;c&gt; &#39;&#x41;&eacute;"), "a & b <c> 'Aé");
        assert_eq!(decode("javascript&colon;alert(1)"), "javascript:alert(1)");
        assert_eq!(decode("java&Tab;script"), "java\tscript");
        assert_eq!(decode("&#150;&#0;&unknown; &amp"), "\u{2013}\u{FFFD}&unknown; &");
        assert_eq!(decode("&#0000000060;&#99999999999;"), "<\u{FFFD}");
        assert_eq!(decode("no refs"), "no refs");
    }
}
