using AdilSoz.Intake.Language.Reference;
using AdilSoz.Intake.Language.Text;

namespace AdilSoz.Intake.Language.Suggest;

/// <summary>
/// Scores the categories of <see cref="CategoryLexicon"/> over a tokenized text. The lexicon is
/// compiled once into word and prefix dictionaries; a text costs one exact and a handful of prefix
/// lookups per word.
/// </summary>
internal sealed class CategoryClassifier
{
    private const int MaxGap = 2;
    private const int MaxCountPerCue = 2;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _prefix;
    private readonly int _maxPrefix;
    private readonly int _minPrefix;
    // The first letters of every prefix cue: a word that starts otherwise needs no prefix lookups.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _heads;
    private readonly Cue[] _cues;
    // Per atom: the one-word cue it is, or -1; the multi-word cues it starts.
    private readonly int[] _singleCue;
    private readonly int[][] _phrasesStartingWith;

    public CategoryClassifier()
    {
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefix = new Dictionary<string, int>(StringComparer.Ordinal);
        var atomLengths = new List<int>();
        var cues = new List<Cue>();
        foreach (var (category, weight, text) in CategoryLexicon.Cues)
        {
            var atoms = text.Split(' ').Select(w => Atom(w)).ToArray();
            cues.Add(new Cue(category, weight, atoms));
        }

        int Atom(string word)
        {
            var isPrefix = word.EndsWith('*');
            var key = isPrefix ? word[..^1] : word;
            var map = isPrefix ? prefix : exact;
            if (!map.TryGetValue(key, out var id))
            {
                id = atomLengths.Count;
                map.Add(key, id);
                // Exact atoms rank above any prefix of the same word.
                atomLengths.Add(isPrefix ? key.Length : int.MaxValue);
            }

            return id;
        }

        _cues = [.. cues];
        _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefix = prefix.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxPrefix = prefix.Keys.Max(k => k.Length);
        _minPrefix = prefix.Keys.Min(k => k.Length);
        var minPrefix = _minPrefix;
        _heads = prefix.Keys.Select(k => k[..minPrefix]).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        AtomRank = [.. atomLengths];
        _singleCue = Enumerable.Repeat(-1, atomLengths.Count).ToArray();
        var phrases = new List<int>[atomLengths.Count];
        for (var c = 0; c < _cues.Length; c++)
        {
            var atoms = _cues[c].Atoms;
            if (atoms.Length == 1)
            {
                if (_singleCue[atoms[0]] >= 0)
                {
                    throw new InvalidOperationException($"The lexicon lists a cue twice: {CategoryLexicon.Cues[c].Cue}");
                }

                _singleCue[atoms[0]] = c;
            }
            else
            {
                (phrases[atoms[0]] ??= []).Add(c);
            }
        }

        _phrasesStartingWith = [.. phrases.Select(p => p?.ToArray() ?? [])];
        var codes = ReferenceData.Categories.Select(x => x.Code).ToHashSet(StringComparer.Ordinal);
        var unknown = _cues.Where(q => q.Category is not null && !codes.Contains(q.Category)).Select(q => q.Category).FirstOrDefault();
        if (unknown is not null)
        {
            throw new InvalidOperationException($"The lexicon names an unknown category: {unknown}");
        }
    }

    private int[] AtomRank { get; }

    /// <summary>Matches the lexicon; the first <paramref name="boostedTokens"/> tokens (the subject) weigh 1.5 times.</summary>
    public List<CueHit> Match(TokenizedText t, int boostedTokens)
    {
        // The atoms of each token, flattened: atoms[atomStart[i]..atomStart[i+1]].
        var atomStart = new int[t.Count + 1];
        var atoms = new List<int>(t.Count);
        for (var i = 0; i < t.Count; i++)
        {
            atomStart[i] = atoms.Count;
            var token = t.Token(i);
            if (_exact.TryGetValue(token, out var a))
            {
                atoms.Add(a);
            }

            if (token.Length < _minPrefix || !_heads.Contains(token[.._minPrefix]))
            {
                continue;
            }

            for (var len = Math.Min(_maxPrefix, token.Length); len >= _minPrefix; len--)
            {
                if (_prefix.TryGetValue(token[..len], out a))
                {
                    atoms.Add(a);
                }
            }
        }

        atomStart[t.Count] = atoms.Count;
        var hits = new List<CueHit>();
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < t.Count; i++)
        {
            var weight = i < boostedTokens ? 1.5 : 1.0;
            var best = -1;
            for (var k = atomStart[i]; k < atomStart[i + 1]; k++)
            {
                var a = atoms[k];
                if (_singleCue[a] >= 0 && (best < 0 || AtomRank[a] > AtomRank[best]))
                {
                    best = a;
                }

                foreach (var c in _phrasesStartingWith[a])
                {
                    var end = MatchRest(_cues[c].Atoms, i, atoms, atomStart, t.Count);
                    if (end >= 0)
                    {
                        Add(c, i, end, weight);
                    }
                }
            }

            if (best >= 0)
            {
                Add(_singleCue[best], i, i, weight);
            }
        }

        return hits;

        void Add(int cue, int first, int last, double weight)
        {
            var q = _cues[cue];
            if (q.Category is null)
            {
                return;
            }

            counts.TryGetValue(cue, out var n);
            if (n >= MaxCountPerCue)
            {
                return;
            }

            counts[cue] = n + 1;
            hits.Add(new CueHit(q.Category, q.Weight * weight, t.Surface(first, last)));
        }
    }

    private static int MatchRest(int[] cueAtoms, int first, List<int> atoms, int[] atomStart, int count)
    {
        var pos = first;
        for (var k = 1; k < cueAtoms.Length; k++)
        {
            var found = -1;
            for (var j = pos + 1; j < count && j <= pos + 1 + MaxGap && found < 0; j++)
            {
                for (var m = atomStart[j]; m < atomStart[j + 1]; m++)
                {
                    if (atoms[m] == cueAtoms[k])
                    {
                        found = j;
                        break;
                    }
                }
            }

            if (found < 0)
            {
                return -1;
            }

            pos = found;
        }

        return pos;
    }

    private sealed record Cue(string? Category, double Weight, int[] Atoms);
}

/// <summary>One cue found in a text: its category, weight and the words as written.</summary>
internal readonly record struct CueHit(string Category, double Weight, string Surface);
