package outdir

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// journal is the list of changes a run commits to before making the first
// of them. Its text form, one change per line, names quoted:
//
//	tarogen journal 1
//	write ".tarogen-12345.tmp" "sockettask.go" 9f86d0…
//	remove "closesocket.go"
//	end
//
// The "end" line tells a whole journal from a cut one; since the journal is
// renamed into place only once synced, a cut one means a damaged disk.
type journal struct {
	ops []journalOp
}

type journalOp struct {
	remove bool
	temp   string // for a write: the temporary file holding the new bytes
	name   string // the output file
	sum    string // for a write: hex SHA-256 of the new bytes
}

const journalMagic = "tarogen journal 1"

func checksum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func (j *journal) encode() []byte {
	var b bytes.Buffer
	b.WriteString(journalMagic + "\n")
	for _, op := range j.ops {
		if op.remove {
			fmt.Fprintf(&b, "remove %s\n", strconv.Quote(op.name))
			continue
		}
		fmt.Fprintf(&b, "write %s %s %s\n", strconv.Quote(op.temp), strconv.Quote(op.name), op.sum)
	}
	b.WriteString("end\n")
	return b.Bytes()
}

// parseJournal reads a journal, checking every name it holds as strictly
// as an output name: a journal is input too.
func parseJournal(b []byte) (*journal, error) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	j := &journal{}
	line := 0
	ended := false
	for sc.Scan() {
		line++
		text := sc.Text()
		switch {
		case ended:
			return nil, fmt.Errorf("line %d: text after end", line)
		case line == 1:
			if text != journalMagic {
				return nil, fmt.Errorf("line 1: not a tarogen journal")
			}
		case text == "end":
			ended = true
		default:
			op, err := parseOp(text)
			if err != nil {
				return nil, fmt.Errorf("line %d: %v", line, err)
			}
			j.ops = append(j.ops, op)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if !ended {
		return nil, fmt.Errorf("cut short (no end line)")
	}
	return j, nil
}

func parseOp(text string) (journalOp, error) {
	verb, rest, _ := strings.Cut(text, " ")
	var fields []string
	for rest != "" {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			if verb == "write" && len(fields) == 2 {
				fields = append(fields, rest)
				break
			}
			return journalOp{}, fmt.Errorf("bad field %q", rest)
		}
		s, _ := strconv.Unquote(q)
		fields = append(fields, s)
		rest = strings.TrimPrefix(rest[len(q):], " ")
	}
	switch {
	case verb == "remove" && len(fields) == 1:
		return journalOp{remove: true, name: fields[0]}, checkName(fields[0])
	case verb == "write" && len(fields) == 3:
		op := journalOp{temp: fields[0], name: fields[1], sum: fields[2]}
		if !isTempName(op.temp) || len(op.sum) != 64 {
			return journalOp{}, fmt.Errorf("bad write %q", text)
		}
		return op, checkName(op.name)
	}
	return journalOp{}, fmt.Errorf("bad change %q", text)
}

// isTempName reports whether name is one of tarogen's temporary files.
func isTempName(name string) bool {
	return strings.HasPrefix(name, tempPrefix) && strings.HasSuffix(name, tempSuffix) &&
		len(name) > len(tempPrefix)+len(tempSuffix) && !strings.ContainsAny(name, `/\`)
}
