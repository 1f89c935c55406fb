using Lucene.Net.Tartarus.Snowball.Ext;

namespace AdilSoz.Intake.Language.Text;

/// <summary>
/// Word stems for ru, kk and en: Russian and English through Lucene.Net's Snowball stemmers, Kazakh
/// through <see cref="KazakhStemmer"/>. Input is one normalised (lower-case) word.
/// </summary>
public static class Stemmer
{
    // Note: Snowball stemmer instances keep state between SetCurrent and Stem; one per thread.
    [ThreadStatic]
    private static RussianStemmer? _russian;

    [ThreadStatic]
    private static EnglishStemmer? _english;

    /// <summary>Stem of <paramref name="word"/>; <paramref name="language"/> decides for Cyrillic words (kk or ru).</summary>
    public static string Stem(string word, string? language)
    {
        if (word.Length < 3 || char.IsAsciiDigit(word[0]))
        {
            return word;
        }

        if (TextNormalizer.IsCyrillic(word[0]))
        {
            return language == "kk" || TextNormalizer.HasKazakhLetter(word) ? KazakhStemmer.Stem(word) : Russian(word);
        }

        return English(word);
    }

    public static string Russian(string word)
    {
        var stemmer = _russian ??= new RussianStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    public static string English(string word)
    {
        var stemmer = _english ??= new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
