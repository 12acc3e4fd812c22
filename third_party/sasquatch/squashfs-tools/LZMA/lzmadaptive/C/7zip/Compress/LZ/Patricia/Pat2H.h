// Pat2H.h

#ifndef __PAT2H__H
#define __PAT2H__H

#undef PAT_CLSID
#define PAT_CLSID CLSID_CMatchFinderPat2H

#undef PAT_NAMESPACE
#define PAT_NAMESPACE NPat2H

#define __AUTO_REMOVE
#define __NODE_2_BITS
#define __HASH_3

#include "Pat.h"
#include "PatMain.h"

#undef __AUTO_REMOVE
#undef __NODE_2_BITS
#undef __HASH_3

#endif

