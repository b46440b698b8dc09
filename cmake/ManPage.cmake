# Renders the man page: docs/tickerdedup.1.md through go-md2man (Debian
# go-md2man), then gives the title line its section, version and manual,
# which go-md2man leaves out of a "# NAME(1)" heading. Run by the build:
#   cmake -DMD2MAN=go-md2man -DIN=docs/tickerdedup.1.md -DOUT=tickerdedup.1
#         -DVERSION=0.1.0 -P cmake/ManPage.cmake
execute_process(COMMAND ${MD2MAN} -in ${IN} -out ${OUT}.tmp
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "go-md2man failed on ${IN} (${rc})")
endif()
file(READ ${OUT}.tmp roff)
file(REMOVE ${OUT}.tmp)
# No date: the page is the same whenever it is built.
string(REGEX REPLACE "\n\\.TH TICKERDEDUP\\(1\\)\n"
  "\n.TH TICKERDEDUP 1 \"\" \"tickerdedup ${VERSION}\" \"User Commands\"\n"
  titled "${roff}")
if(titled STREQUAL roff)
  message(FATAL_ERROR "${IN}: no '# TICKERDEDUP(1)' title for the .TH line")
endif()
file(WRITE ${OUT} "${titled}")
