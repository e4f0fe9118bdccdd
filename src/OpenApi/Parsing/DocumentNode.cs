using System.Collections.Generic;

namespace K6Scenarios.OpenApi.Parsing;

/// <summary>The kind of a parsed JSON or YAML value.</summary>
internal enum NodeKind
{
    Null,
    Boolean,
    Number,
    String,
    Sequence,
    Mapping,
}

/// <summary>One entry of a mapping, with the position of its key (for diagnostics).</summary>
internal readonly struct MappingEntry
{
    public MappingEntry(string key, int keyLine, int keyColumn, DocumentNode value)
    {
        Key = key;
        KeyLine = keyLine;
        KeyColumn = keyColumn;
        Value = value;
    }

    public string Key { get; }

    public int KeyLine { get; }

    public int KeyColumn { get; }

    public DocumentNode Value { get; }
}

/// <summary>
/// A value of the parsed document, the same shape for JSON and YAML. Nodes are built by one
/// parser and never changed afterwards, so a finished document can be shared between threads.
/// </summary>
internal sealed class DocumentNode
{
    // Mappings with more entries than this get a dictionary (built once, when the mapping is complete).
    private const int IndexThreshold = 8;

    private static readonly List<DocumentNode> NoItems = new(0);
    private static readonly List<MappingEntry> NoEntries = new(0);

    private readonly List<DocumentNode>? _items;
    private readonly List<MappingEntry>? _entries;
    private Dictionary<string, int>? _index;

    private DocumentNode(NodeKind kind, string text, int line, int column, List<DocumentNode>? items, List<MappingEntry>? entries)
    {
        Kind = kind;
        Text = text;
        Line = line;
        Column = column;
        _items = items;
        _entries = entries;
    }

    public NodeKind Kind { get; }

    /// <summary>The value of a string, the text of a number, boolean or null as written; empty for collections.</summary>
    public string Text { get; }

    /// <summary>1-based line of the node's first character.</summary>
    public int Line { get; }

    /// <summary>1-based column of the node's first character.</summary>
    public int Column { get; }

    public IReadOnlyList<DocumentNode> Items => _items ?? NoItems;

    public IReadOnlyList<MappingEntry> Entries => _entries ?? NoEntries;

    public bool IsMapping => Kind == NodeKind.Mapping;

    public bool IsSequence => Kind == NodeKind.Sequence;

    public bool IsScalar => Kind != NodeKind.Mapping && Kind != NodeKind.Sequence;

    public static DocumentNode Scalar(NodeKind kind, string text, int line, int column) => new(kind, text, line, column, null, null);

    public static DocumentNode Sequence(int line, int column) => new(NodeKind.Sequence, string.Empty, line, column, new List<DocumentNode>(), null);

    public static DocumentNode Mapping(int line, int column) => new(NodeKind.Mapping, string.Empty, line, column, null, new List<MappingEntry>());

    /// <summary>Appends an item while the sequence is being parsed.</summary>
    public void AddItem(DocumentNode item) => _items!.Add(item);

    /// <summary>Appends an entry while the mapping is being parsed; false when the key is already present.</summary>
    public bool TryAddEntry(MappingEntry entry)
    {
        if (ContainsKey(entry.Key))
        {
            return false;
        }

        _entries!.Add(entry);
        if (_index is not null)
        {
            _index[entry.Key] = _entries.Count - 1;
        }
        else if (_entries.Count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(System.StringComparer.Ordinal);
            for (var i = 0; i < _entries.Count; i++)
            {
                _index[_entries[i].Key] = i;
            }
        }

        return true;
    }

    /// <summary>Replaces the value of an existing key in place (a YAML key written after a merge key).</summary>
    public void ReplaceEntry(MappingEntry entry)
    {
        var position = IndexOf(entry.Key);
        if (position >= 0)
        {
            _entries![position] = entry;
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>The value of a mapping entry, or null when this is not a mapping or has no such key.</summary>
    public DocumentNode? Get(string key)
    {
        var position = IndexOf(key);
        return position < 0 ? null : _entries![position].Value;
    }

    /// <summary>The mapping entry with this key, or null.</summary>
    public MappingEntry? GetEntry(string key)
    {
        var position = IndexOf(key);
        return position < 0 ? null : _entries![position];
    }

    /// <summary>The string value of a scalar entry (any scalar's text), or null.</summary>
    public string? GetText(string key)
    {
        var value = Get(key);
        return value is not null && value.IsScalar && value.Kind != NodeKind.Null ? value.Text : null;
    }

    /// <summary>True when the entry is the boolean <c>true</c>.</summary>
    public bool GetFlag(string key)
    {
        var value = Get(key);
        return value is not null && value.Kind == NodeKind.Boolean && value.Text.Length == 4;
    }

    /// <summary>True when this node is the boolean <c>false</c>.</summary>
    public bool IsFalse => Kind == NodeKind.Boolean && Text.Length == 5;

    private int IndexOf(string key)
    {
        if (_entries is null)
        {
            return -1;
        }

        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, System.StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
