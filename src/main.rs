fn main() {
    let corpus = claimdiff::Corpus::sample();
    let docs = claimdiff::prepare(&corpus);
    println!("{}", docs.len());
}
