# Calendar logic lives only in plugin/core/date.c (issue 9): no other source
# of plugin/ does leap years or day numbers of its own (the 400-year cycle,
# its 146097 days, the days to 1970).  Others call nf_date_valid,
# nf_date_days_in_month and nf_date_day_number.
#   cmake -DSOURCE_DIR=<top> -P check_calendar.cmake
file(GLOB_RECURSE files LIST_DIRECTORIES false ${SOURCE_DIR}/plugin/*.c ${SOURCE_DIR}/plugin/*.h
     ${SOURCE_DIR}/plugin/*.cc)
set(found "")
foreach(file IN LISTS files)
  if(file STREQUAL "${SOURCE_DIR}/plugin/core/date.c")
    continue()
  endif()
  file(STRINGS ${file} lines REGEX "% *400|146097|719468|% *4 *== *0 *&&")
  file(RELATIVE_PATH shown ${SOURCE_DIR} ${file})
  foreach(line IN LISTS lines)
    string(STRIP "${line}" line)
    string(APPEND found "  ${shown}: ${line}\n")
  endforeach()
endforeach()
if(found)
  message(FATAL_ERROR "calendar arithmetic outside plugin/core/date.c:\n${found}")
endif()
