from aotext.cli import main

main()
