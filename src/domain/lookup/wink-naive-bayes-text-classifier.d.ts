// The package ships no types: the part of its API the lookup and its training script use.
declare module 'wink-naive-bayes-text-classifier' {
  interface NaiveBayesTextClassifier {
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    learn(tokens: readonly string[], label: string): boolean;
    consolidate(): boolean;
    /** Log2 odds of each label, best first; [['unknown', 0]] when no token is in the vocabulary. */
    computeOdds(tokens: readonly string[]): [string, number][];
    exportJSON(): string;
    importJSON(json: string): boolean;
  }
  export default function naiveBayesTextClassifier(): NaiveBayesTextClassifier;
}
