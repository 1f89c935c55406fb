using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Tests.Text;

public sealed class TextTests
{
    [Theory]
    [InlineData("Ёлка, «Уральская  неделя»!", "елка уральская неделя")]
    [InlineData("ＡＢＣ １２３", "abc 123")] // full-width forms fold under NFKC
    [InlineData("Полиция задержала редактора...\n\nСегодня.", "полиция задержала редактора сегодня")]
    [InlineData("Қостанай ӘКІМДІГІ", "қостанай әкімдігі")]
    [InlineData("  — ! ", "")]
    public void Normalize_folds_case_width_yo_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Tokenize_marks_capitals_sentence_starts_and_quotes()
    {
        var tokens = TokenizedText.Create("Редактор «Уральской недели» Лукпан задержан. Вчера").Words();
        Assert.Equal(["редактор", "уральской", "недели", "лукпан", "задержан", "вчера"], tokens.Select(t => t.Value));
        Assert.True(tokens[0].SentenceStart);
        Assert.True(tokens[1].Quoted && tokens[1].Capitalized);
        Assert.True(tokens[2].Quoted && !tokens[2].Capitalized);
        Assert.True(tokens[3].Capitalized && !tokens[3].SentenceStart && !tokens[3].Quoted);
        Assert.True(tokens[5].SentenceStart);
    }

    [Theory]
    [InlineData("Aqto'be qalasynda", "aqtobe qalasynda")] // an apostrophe inside a Latin Kazakh word
    [InlineData("Oрал, Kарағанды", "орал карағанды")] // Latin look-alikes typed inside Cyrillic words
    [InlineData("ＡＢＣ　１２３", "abc 123")]
    [InlineData("Ёлка… «Нива»", "елка нива")]
    public void One_tokenizer_folds_what_phones_and_keyboards_mix(string text, string expected) =>
        Assert.Equal(expected, TokenizedText.Create(text).Normalized.ToString());

    [Theory]
    [InlineData("Ахмедьяров", "akhmedyarov")]
    [InlineData("Уральск", "uralsk")]
    [InlineData("Жанаозен", "zhanaozen")]
    [InlineData("Қостанай", "kostanay")]
    [InlineData("Ғалым Ұлы Үміт Өскемен Һ", "galym uly umit oskemen h")]
    [InlineData("Әйгерім Ақтөбе Маңғыстау", "aygerim aktobe mangystau")]
    [InlineData("Щучинск Цой Чапаево Шымкент", "shchuchinsk tsoy chapaevo shymkent")]
    [InlineData("Юлия Яна Эльвира Хабар Съезд", "yuliya yana elvira khabar sezd")]
    public void ToLatin_spells_names_as_English_texts_do(string cyrillic, string latin) =>
        Assert.Equal(latin, Transliterator.ToLatin(cyrillic));

    [Theory]
    [InlineData("Ахмедьяров", "Akhmedyarov")]
    [InlineData("Akhmediarov", "Akhmedyarov")]
    [InlineData("Бокаев", "Bokayev")]
    [InlineData("Жанаозен", "Janaozen")]
    [InlineData("Қостанай", "Kostanai")]
    [InlineData("Серікбаев", "Serikbayev")]
    [InlineData("Хабар", "Habar")]
    [InlineData("Василий", "Vasily")]
    public void PhoneticKey_folds_spelling_variants(string a, string b) =>
        Assert.Equal(Transliterator.PhoneticKey(a), Transliterator.PhoneticKey(b));

    [Theory]
    [InlineData("Упоров", "Uporov")]
    public void PhoneticKey_keeps_different_names_apart_where_letters_differ(string a, string b) =>
        Assert.Equal(Transliterator.PhoneticKey(a), Transliterator.PhoneticKey(b));

    [Theory]
    [InlineData("Ахмедьярова", "Akhmedyarov", true)] // Russian genitive
    [InlineData("Упоровым", "Uporov", true)] // Russian instrumental
    [InlineData("Исмагуловой", "Исмағұловаға", true)] // Russian genitive vs Kazakh dative of the feminine form
    [InlineData("Ахмедьяровтың", "Akhmediarov", true)] // Kazakh genitive, other spelling
    [InlineData("Оралда", "Oral", true)] // Kazakh locative of Uralsk's Kazakh name
    [InlineData("костанайского", "Kostanay", true)] // adjective of a place
    [InlineData("Oralbek", "Oral", false)]
    [InlineData("Петрова", "Петросян", false)]
    [InlineData("Абдиров", "Абдиев", false)]
    public void NameKeys_Same_meets_word_forms_but_not_other_names(string a, string b, bool same) =>
        Assert.Equal(same, NameKeys.Same(NameKeys.Key(a), NameKeys.Key(b)));

    [Theory]
    [InlineData("задержали", "задержан", "ru")]
    [InlineData("журналистов", "журналисты", "ru")]
    [InlineData("редакции", "редакция", "ru")]
    [InlineData("detained", "detain", "en")]
    [InlineData("journalists", "journalist", "en")]
    [InlineData("seized", "seizing", "en")]
    [InlineData("журналистердің", "журналист", "kk")] // plural + genitive
    [InlineData("редакторы", "редактор", "kk")] // possessive
    [InlineData("полицияға", "полиция", "kk")] // dative
    [InlineData("газетінің", "газет", "kk")] // possessive + genitive
    [InlineData("тілшілерге", "тілші", "kk")] // plural + dative
    [InlineData("сотқа", "сот", "kk")]
    public void Stemmer_meets_word_forms(string form, string other, string language) =>
        Assert.Equal(Stemmer.Stem(other, language), Stemmer.Stem(form, language));

    [Theory]
    [InlineData("журналистерді", "журналист")]
    [InlineData("ұсталды", "ұстал")]
    [InlineData("әкімдіктен", "әкімдік")]
    [InlineData("Атырауға", "Атырау")]
    public void KazakhStemmer_strips_case_plural_possessive_and_verb_endings(string word, string stem) =>
        Assert.Equal(KazakhStemmer.Stem(stem.ToLowerInvariant()), KazakhStemmer.Stem(word.ToLowerInvariant()));

    [Theory]
    [InlineData("задержали", "detain")]
    [InlineData("ұсталды", "detain")]
    [InlineData("detained", "detain")]
    [InlineData("изъяли", "seize")]
    [InlineData("кіргізілмеді", "prevent")]
    [InlineData("аккредитации", "accreditation")]
    [InlineData("искать", null)]
    [InlineData("сотрудники", null)]
    public void Concepts_map_words_of_three_languages_to_one_term(string word, string? concept) =>
        Assert.Equal(concept, Concepts.Of(word));

    [Theory]
    // A claim (талап арыз) is a lawsuit; a demand (талап етеді) and requirements (талаптар) are not.
    [InlineData("талап", "арыз", "lawsuit")]
    [InlineData("талап", "етеді", null)]
    [InlineData("дали", "пройти", "prevent")]
    public void Concepts_of_two_words(string first, string second, string? concept)
    {
        Assert.Equal(concept, Concepts.OfPair(first, second));
        Assert.Null(Concepts.Of(first));
    }

    [Theory]
    [InlineData("и", true)]
    [InlineData("және", true)]
    [InlineData("the", true)]
    [InlineData("полиция", false)]
    public void StopWords_cover_three_languages(string word, bool stop) =>
        Assert.Equal(stop, StopWords.Contains(word));
}
