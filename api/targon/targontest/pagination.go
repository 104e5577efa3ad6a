package targontest

import (
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"net/url"
	"sort"
	"strconv"
)

// Page sizes.
const (
	defaultLimit = 20
	maxLimit     = 100
)

// listKind tells the lists apart so a cursor only works where it came from.
type listKind byte

const (
	listAPIKeys listKind = 'a'
	listSSHKeys listKind = 's'

	// The lists of /tha/v3.
	listAPITokens     listKind = 'A'
	listOrgs          listKind = 'o'
	listMembers       listKind = 'm'
	listOrgSSHKeys    listKind = 'S'
	listServiceTokens listKind = 'T'
)

// cursorVersion is the first byte of every cursor.
const cursorVersion = 1

// cursorSalt makes the checksum specific to this server's cursors.
var cursorSalt = []byte("targon-targontest-cursor")

// encodeCursor makes the opaque cursor naming the item with sequence number
// seq in a list of kind: version, kind, seq, then a checksum, base64url.
func encodeCursor(kind listKind, seq uint64) string {
	b := make([]byte, 0, 14)
	b = append(b, cursorVersion, byte(kind))
	b = binary.BigEndian.AppendUint64(b, seq)
	b = binary.BigEndian.AppendUint32(b, cursorChecksum(b))
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor returns the sequence number a cursor names, or false when
// the cursor was not made by encodeCursor for this kind of list.
func decodeCursor(kind listKind, c string) (uint64, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) != 14 || b[0] != cursorVersion || b[1] != byte(kind) {
		return 0, false
	}
	if binary.BigEndian.Uint32(b[10:]) != cursorChecksum(b[:10]) {
		return 0, false
	}
	return binary.BigEndian.Uint64(b[2:10]), true
}

func cursorChecksum(b []byte) uint32 {
	h := crc32.NewIEEE()
	h.Write(cursorSalt)
	h.Write(b)
	return h.Sum32()
}

// pageRequest is a validated limit and cursor.
type pageRequest struct {
	limit    int
	after    uint64 // only items with a smaller sequence number
	hasAfter bool
}

// parsePage reads limit and cursor from the query. An absent or empty
// parameter takes its default.
func parsePage(q url.Values, kind listKind) (pageRequest, *apiError) {
	p := pageRequest{limit: defaultLimit}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxLimit {
			return p, badQuery("limit must be an integer between 1 and 100")
		}
		p.limit = n
	}
	if c := q.Get("cursor"); c != "" {
		seq, ok := decodeCursor(kind, c)
		if !ok {
			return p, badQuery("cursor is not a valid pagination cursor for this list")
		}
		p.after, p.hasAfter = seq, true
	}
	return p, nil
}

// page returns the next page of items (ascending by sequence number) in
// newest-first order, and the cursor of the page after it ("" when the list
// ends with this page). The page starts strictly after the item the cursor
// named, whether or not that item still exists.
func page[T sequenced](kind listKind, items []T, p pageRequest) ([]T, string) {
	end := len(items) // items[:end] are candidates
	if p.hasAfter {
		end = sort.Search(len(items), func(i int) bool { return items[i].sequence() >= p.after })
	}
	start := max(end-p.limit, 0)
	out := make([]T, 0, end-start)
	for i := end - 1; i >= start; i-- {
		out = append(out, items[i])
	}
	next := ""
	if start > 0 && len(out) > 0 {
		next = encodeCursor(kind, out[len(out)-1].sequence())
	}
	return out, next
}
