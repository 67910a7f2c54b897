//! A minimal JSON parser (objects, arrays, strings, numbers, literals):
//! serde_json would add ~30 KB of wasm for a few JSON-LD fields.


#[derive(Debug, Clone)]
#[allow(dead_code)] // booleans are parsed (to skip them) but never read
pub(crate) enum Json {
    Null,
    Bool(bool),
    /// A number, checked but not converted: no JSON-LD field we read is
    /// numeric, and `str::parse::<f64>` linked core's whole float parser
    /// (and its tables) into the wasm for values nothing looked at.
    Num,
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    pub(crate) fn get(&self, k: &str) -> Option<&Json> {
        match self {
            Json::Obj(kv) => kv.iter().find(|(kk, _)| kk == k).map(|(_, v)| v),
            _ => None,
        }
    }
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Nesting limit: JSON-LD is shallow; deep input is hostile.
const JSON_MAX_DEPTH: usize = 64;

pub(crate) fn parse_json(s: &str) -> Option<Json> {
    let mut p = JsonParser { b: s.as_bytes(), i: 0 };
    let v = p.value(0)?;
    Some(v)
}

struct JsonParser<'a> {
    b: &'a [u8],
    i: usize,
}

impl JsonParser<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }
    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > JSON_MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut kv = Vec::new();
                loop {
                    self.ws();
                    if self.b.get(self.i) == Some(&b'}') {
                        self.i += 1;
                        return Some(Json::Obj(kv));
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return None;
                    }
                    self.i += 1;
                    let v = self.value(depth + 1)?;
                    kv.push((k, v));
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Some(Json::Obj(kv));
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut a = Vec::new();
                loop {
                    self.ws();
                    if self.b.get(self.i) == Some(&b']') {
                        self.i += 1;
                        return Some(Json::Arr(a));
                    }
                    a.push(self.value(depth + 1)?);
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Some(Json::Arr(a));
                        }
                        _ => return None,
                    }
                }
            }
            b'"' => self.string().map(Json::Str),
            b't' => self.lit("true", Json::Bool(true)),
            b'f' => self.lit("false", Json::Bool(false)),
            b'n' => self.lit("null", Json::Null),
            _ => {
                let start = self.i;
                while self.i < self.b.len() && matches!(self.b[self.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                    self.i += 1;
                }
                is_number(&self.b[start..self.i]).then_some(Json::Num)
            }
        }
    }
    fn lit(&mut self, w: &str, v: Json) -> Option<Json> {
        if self.b[self.i..].starts_with(w.as_bytes()) {
            self.i += w.len();
            Some(v)
        } else {
            None
        }
    }
    fn string(&mut self) -> Option<String> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let c = *self.b.get(self.i)?;
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = *self.b.get(self.i)?;
                    self.i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'r' => out.push(b'\r'),
                        b'b' | b'f' => out.push(b' '),
                        b'u' => {
                            let mut cp = self.hex4()?;
                            if (0xD800..0xDC00).contains(&cp) && self.b.get(self.i) == Some(&b'\\') && self.b.get(self.i + 1) == Some(&b'u') {
                                self.i += 2;
                                let lo = self.hex4()?;
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                            }
                            let ch = char::from_u32(cp).unwrap_or('\u{FFFD}');
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
    }
    fn hex4(&mut self) -> Option<u32> {
        let h = self.b.get(self.i..self.i + 4)?;
        self.i += 4;
        u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    }
}

/// Whether `t` (made of `-+.eE` and digits) is a number by the grammar
/// `str::parse::<f64>` accepted before (so the same JSON-LD blocks parse
/// or fail as before): sign? (digits | digits . digits? | . digits)
/// (e sign? digits)? — e.g. `1.`, `.5` and `+1` pass, `1e`, `.`, `--1` fail.
fn is_number(t: &[u8]) -> bool {
    let digits = |i: &mut usize| {
        let from = *i;
        while t.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - from
    };
    let mut i = usize::from(matches!(t.first(), Some(b'+' | b'-')));
    let mut mantissa = digits(&mut i);
    if t.get(i) == Some(&b'.') {
        i += 1;
        mantissa += digits(&mut i);
    }
    if mantissa == 0 {
        return false;
    }
    if matches!(t.get(i), Some(b'e' | b'E')) {
        i += 1;
        i += usize::from(matches!(t.get(i), Some(b'+' | b'-')));
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == t.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn json() {
        let v = parse_json(r#"{"@type":"NewsArticle","headline":"A \"b\" \u00e9","author":[{"name":"X"},{"name":"Y"}],"n":1.5e2,"ok":true}"#).unwrap();
        assert_eq!(v.get("headline").unwrap().as_str(), Some("A \"b\" é"));
        assert!(parse_json(&"[".repeat(10_000)).is_none());
        assert!(parse_json("{\"a\":").is_none());
    }

    #[test]
    fn numbers_pass_or_fail_as_the_float_parser_decides() {
        // Every string of up to 5 characters from the scanned alphabet.
        let alphabet = b"-+.eE09";
        let mut strings: Vec<Vec<u8>> = vec![Vec::new()];
        let mut all = Vec::new();
        for _ in 0..5 {
            strings = strings.iter().flat_map(|s| alphabet.iter().map(move |&c| [s.as_slice(), &[c]].concat())).collect();
            all.extend(strings.iter().cloned());
        }
        all.push(Vec::new());
        for t in all {
            let text = std::str::from_utf8(&t).unwrap();
            assert_eq!(is_number(&t), text.parse::<f64>().is_ok(), "{text:?}");
        }
        assert!(parse_json(r#"{"n":[1,-2.5e+3,.5,1.]}"#).is_some());
        assert!(parse_json(r#"{"n":1e}"#).is_none());
        assert!(parse_json(r#"{"n":x}"#).is_none());
    }
}
