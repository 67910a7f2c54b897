//! Dev tool: clean every page of a corpus folder once (for callgrind).
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let o = declutter::Options::default();
    let mut n = 0usize;
    for e in std::fs::read_dir(&a[1]).unwrap() {
        if let Ok(b) = std::fs::read(e.unwrap().path().join(&a[2])) {
            let s = String::from_utf8_lossy(&b);
            n += declutter::clean(&s, &o).map_or(0, |x| x.length);
        }
    }
    println!("{n}");
}
