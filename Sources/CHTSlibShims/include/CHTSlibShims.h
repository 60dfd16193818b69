#pragma once
#include "sp_vcf.h"
#include "sp_sam.h"
#include "sp_input.h"
#include "sp_bgzf.h"
#include "sp_scan.h"
#include "sp_hfile.h"
