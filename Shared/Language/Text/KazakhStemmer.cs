namespace AdilSoz.Intake.Language.Text;

/// <summary>
/// A compact suffix stripper for Kazakh, an agglutinative language: case endings, then possessive
/// endings, then the plural, then the commonest verb endings are taken off the end of a word, longest
/// first, as long as a stem of at least three letters is left. Not a full morphological analyser;
/// it makes the forms of one word meet, which is what duplicate detection needs.
/// </summary>
public static class KazakhStemmer
{
    private const int MinStem = 3;

    // Each layer is tried once, in order; within a layer the longest matching suffix wins.
    private static readonly string[][] Layers =
    [
        // Case: locative-ablative compounds and relative -ғы/-гі first.
        [
            "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
            "ның", "нің", "дың", "дің", "тың", "тің",
            "ға", "ге", "қа", "ке", "на", "не",
            "нда", "нде", "да", "де", "та", "те",
            "нан", "нен", "дан", "ден", "тан", "тен",
            "ны", "ні", "ды", "ді", "ты", "ті",
            "мен", "бен", "пен", "менен", "бенен", "пенен",
            "ша", "ше",
        ],

        // Possessive.
        ["ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "сы", "сі", "ым", "ім", "ың", "ің", "м", "ң", "ы", "і"],

        // Plural.
        ["лар", "лер", "дар", "дер", "тар", "тер"],

        // Verbs: past, participles, converbs, negation, passive.
        [
            "ған", "ген", "қан", "кен", "ды", "ді", "ты", "ті", "ып", "іп", "п",
            "мады", "меді", "бады", "беді", "пады", "петі", "лды", "лді", "ылды", "ілді", "йды", "йді",
            "атын", "етін", "йтын", "йтін", "уда", "уде", "у",
        ],

        // A stem vowel that looks like a possessive once the endings after it are gone (тілші-лер-ге).
        ["ы", "і"],
    ];

    public static string Stem(string word)
    {
        if (word.Length <= MinStem + 1)
        {
            return word;
        }

        var stem = word;
        foreach (var layer in Layers)
        {
            string? best = null;
            foreach (var suffix in layer)
            {
                if (stem.Length - suffix.Length >= MinStem
                    && stem.EndsWith(suffix, StringComparison.Ordinal)
                    && (best is null || suffix.Length > best.Length))
                {
                    best = suffix;
                }
            }

            if (best is not null)
            {
                // Note: after -ст the plural -тар/-тер is written with one т (журналист → журналистер).
                var keepT = best[0] == 'т' && layer.Contains("лар") && stem.Length > best.Length && stem[^(best.Length + 1)] == 'с';
                stem = stem[..^(keepT ? best.Length - 1 : best.Length)];
            }
        }

        return stem;
    }
}
