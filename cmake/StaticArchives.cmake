# tickerdedup_static_archives(<out-var> <item>...)
#
# The static archives that can stand in for the shared libraries <item>s
# link: each item is an imported target (walked through its
# INTERFACE_LINK_LIBRARIES, so absl::flat_hash_map brings every abseil
# library it needs) or a path to a shared library. A library whose archive
# is not installed beside it ("libfoo.so.1.2" -> "libfoo.a") is left out and
# stays shared; abseil is all or nothing, so that no abseil state (hash
# seeds, the time zone cache) exists twice in one process. Debian ships the
# archives of abseil, xxHash, utf8proc and libstemmer, not of simdjson or
# CLD2.
#
# Used for the CLI: see TICKERDEDUP_CLI_STATIC_DEPS in CMakeLists.txt.

function(_tickerdedup_archive_of so out)
  set(archive "")
  if(so MATCHES "^(.*/lib[^/]+)\\.so(\\.[0-9.]+)?$")
    if(EXISTS "${CMAKE_MATCH_1}.a")
      set(archive "${CMAKE_MATCH_1}.a")
    endif()
  endif()
  set(${out} "${archive}" PARENT_SCOPE)
endfunction()

# The file an imported target links, whatever configuration it was exported
# for, or empty (an INTERFACE target).
function(_tickerdedup_imported_file target out)
  get_target_property(type ${target} TYPE)
  set(file "")
  if(NOT type STREQUAL "INTERFACE_LIBRARY")
    get_target_property(file ${target} IMPORTED_LOCATION)
    if(NOT file)
      get_target_property(configs ${target} IMPORTED_CONFIGURATIONS)
      foreach(config IN LISTS configs)
        get_target_property(file ${target} IMPORTED_LOCATION_${config})
        if(file)
          break()
        endif()
      endforeach()
    endif()
  endif()
  if(NOT file)
    set(file "")
  endif()
  set(${out} "${file}" PARENT_SCOPE)
endfunction()

function(tickerdedup_static_archives out)
  set(pending ${ARGN})
  set(seen "")
  set(shared "")
  while(pending)
    list(POP_FRONT pending item)
    if(item IN_LIST seen)
      continue()
    endif()
    list(APPEND seen "${item}")
    if(TARGET ${item})
      _tickerdedup_imported_file(${item} file)
      if(file)
        list(APPEND shared "${file}")
      endif()
      get_target_property(deps ${item} INTERFACE_LINK_LIBRARIES)
      if(deps)
        foreach(dep IN LISTS deps)
          # $<LINK_ONLY:x> -> x; flags such as -latomic are not libraries.
          string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" dep "${dep}")
          if(TARGET ${dep} OR dep MATCHES "\\.so")
            list(APPEND pending "${dep}")
          endif()
        endforeach()
      endif()
    elseif(item MATCHES "\\.so")
      list(APPEND shared "${item}")
    endif()
  endwhile()

  set(archives "")
  set(absl_archives "")
  set(absl_complete TRUE)
  foreach(so IN LISTS shared)
    _tickerdedup_archive_of("${so}" archive)
    get_filename_component(name "${so}" NAME)
    if(name MATCHES "^libabsl_")
      if(archive)
        list(APPEND absl_archives "${archive}")
      else()
        set(absl_complete FALSE)
      endif()
    elseif(archive)
      list(APPEND archives "${archive}")
    endif()
  endforeach()
  if(absl_complete)
    list(APPEND archives ${absl_archives})
  endif()
  list(REMOVE_DUPLICATES archives)
  set(${out} "${archives}" PARENT_SCOPE)
endfunction()
