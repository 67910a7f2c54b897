//! Many-needle substring search for short strings (class/id values, text
//! chunks), ASCII case-insensitive.
//!
//! Checking ~150 rule words one `str::contains` at a time cost a third of
//! pass 1 (each call builds a searcher). Here the needles are bucketed by
//! their first byte once; a haystack is scanned once, and each position is
//! compared only with the needles that start with its byte.

/// A set of needle lists; a match reports which list and which needle.
pub(crate) struct Matcher {
    needles: Vec<(&'static str, u8)>,
    /// First byte (lowercase) → indices into `needles`.
    buckets: Vec<Vec<u16>>,
    /// Bit (b0 << 8 | b1) set when some needle starts with those two
    /// lowercase bytes: most positions are rejected by one bit test.
    pairs: Vec<u64>,
    /// Some needle is a single byte long (then `pairs` cannot reject).
    has_short: bool,
}

impl Matcher {
    pub fn new(lists: &[(u8, &'static [&'static str])]) -> Self {
        let mut needles = Vec::new();
        let mut buckets = vec![Vec::new(); 256];
        let mut pairs = vec![0u64; 1024];
        let mut has_short = false;
        for (id, list) in lists {
            for n in list.iter() {
                if n.is_empty() {
                    continue;
                }
                let first = n.as_bytes()[0].to_ascii_lowercase();
                buckets[first as usize].push(needles.len() as u16);
                match n.as_bytes().get(1) {
                    Some(b) => {
                        let k = (first as usize) << 8 | b.to_ascii_lowercase() as usize;
                        pairs[k >> 6] |= 1 << (k & 63);
                    }
                    None => has_short = true,
                }
                needles.push((*n, *id));
            }
        }
        Matcher { needles, buckets, pairs, has_short }
    }

    /// Calls `f(list, needle, position)` for every match, in position
    /// order; stops early when `f` returns `false`.
    pub fn find(&self, hay: &[u8], mut f: impl FnMut(u8, &'static str, usize) -> bool) {
        for i in 0..hay.len() {
            if !self.has_short {
                let Some(&next) = hay.get(i + 1) else { return };
                let k = (hay[i].to_ascii_lowercase() as usize) << 8 | next.to_ascii_lowercase() as usize;
                if self.pairs[k >> 6] & (1 << (k & 63)) == 0 {
                    continue;
                }
            }
            let b = &self.buckets[hay[i].to_ascii_lowercase() as usize];
            if b.is_empty() {
                continue;
            }
            for &ni in b {
                let (n, id) = self.needles[ni as usize];
                let nb = n.as_bytes();
                if hay.len() - i >= nb.len() && hay[i..i + nb.len()].eq_ignore_ascii_case(nb) && !f(id, n, i) {
                    return;
                }
            }
        }
    }

    /// Bit `1 << list` set for every list with at least one match.
    pub fn lists(&self, hay: &[u8]) -> u64 {
        let mut m = 0u64;
        self.find(hay, |id, _, _| {
            m |= 1 << id;
            true
        });
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The fast matcher agrees with the naive `contains` loop.
    #[test]
    fn agrees_with_naive() {
        const A: &[&str] = &["ad", "banner", "-ad-"];
        const B: &[&str] = &["content", "main"];
        let m = Matcher::new(&[(0, A), (1, B)]);
        for hay in ["top-ad-slot", "MainContent", "header", "x", "", "bAnNeR"] {
            let l = hay.to_ascii_lowercase();
            let naive = (A.iter().any(|n| l.contains(n)) as u64) | ((B.iter().any(|n| l.contains(n)) as u64) << 1);
            assert_eq!(m.lists(hay.as_bytes()), naive, "{hay}");
        }
    }
}
