// Lists a tar archive the way Go's archive/tar reads it (the reader Docker and
// containerd unpack image layers with): one JSON line per entry with its name,
// type flag, size and link target. Entries of a `docker save` or OCI archive
// that are themselves tars (image layers, gzip or not) are walked too, their
// lines carrying the layer's name. A read error ends that archive with an
// {"error": ...} line: whatever was listed before it is what Go would extract.
package main

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

type line struct {
	Layer string `json:"layer"`
	Name  string `json:"name,omitempty"`
	Type  string `json:"type,omitempty"`
	Size  int64  `json:"size"`
	Link  string `json:"link,omitempty"`
	Error string `json:"error,omitempty"`
}

var out = json.NewEncoder(os.Stdout)

// open unwraps gzip when the stream starts with its magic bytes.
func open(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(2)
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		return gzip.NewReader(br)
	}
	return br, nil
}

// isLayer says whether an entry of the outer archive holds an image layer.
func isLayer(name string) bool {
	return strings.HasSuffix(name, ".tar") || strings.HasSuffix(name, ".tar.gz") || strings.HasPrefix(name, "blobs/")
}

func list(r io.Reader, layer string) {
	in, err := open(r)
	if err != nil {
		out.Encode(line{Layer: layer, Error: err.Error()})
		return
	}
	tr := tar.NewReader(in)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			out.Encode(line{Layer: layer, Error: err.Error()})
			return
		}
		out.Encode(line{Layer: layer, Name: h.Name, Type: string(h.Typeflag), Size: h.Size, Link: h.Linkname})
		if layer == "" && h.Typeflag == tar.TypeReg && isLayer(h.Name) {
			list(tr, h.Name)
		}
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go-tar-lister <archive>")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer f.Close()
	list(f, "")
}
