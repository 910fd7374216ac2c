module agent-gates/go-tar-lister

go 1.19
